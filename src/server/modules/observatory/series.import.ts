import { OPEN_AGE } from "../../../shared/indicators.ts";
import type { Db } from "../../db/database.ts";
import { CsvFormatError, normaliseHeader, readCsv } from "../../importers/csv/read-csv.ts";
import { readXlsx } from "../../importers/xlsx/read-xlsx.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AMBITO } from "./count-store.ts";
import type { ImportIssue } from "./istat-population.import.ts";

/**
 * The documented generic layout (CSV with ; or , in UTF-8 or ISO-8859-1, or the first sheet of an
 * XLSX), one count per row:
 *   territory  ISTAT code of a Comune of the Ambito, or AMBITO
 *   year       e.g. 2023
 *   series     snake_case name: population, households, births, deaths, disabled_residents, ...
 *   value      a number not below zero (decimal comma or point)
 *   sex        optional: T (default), M, F
 *   age_from, age_to  optional age class (age_to empty = open-ended)
 *   citizenship       optional: all (default) or foreign
 *   unit              optional: persone (default), famiglie, euro, ...
 */
export const SERIES_COLUMNS = [
  "territory",
  "year",
  "series",
  "value",
  "sex",
  "age_from",
  "age_to",
  "citizenship",
  "unit",
] as const;
const REQUIRED = ["territory", "year", "series", "value"] as const;
const BATCH = 1000;

export interface SeriesImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  series: string[];
  datasetId: number | null;
  problems: ImportIssue[];
}

type Row = {
  territory: string;
  year: number;
  series: string;
  value: string;
  sex: "T" | "M" | "F";
  citizenship: "all" | "foreign";
  age_from: number;
  age_to: number;
  unit: string;
  source_line: number;
};

export async function importSeries(
  db: Db,
  ambitoId: number,
  path: string,
  opts: { source: string; licence?: string; referenceDate?: string; dryRun?: boolean; actorUserId?: number | null },
): Promise<SeriesImportReport> {
  const report: SeriesImportReport = {
    ok: false,
    dryRun: Boolean(opts.dryRun),
    rows: 0,
    series: [],
    datasetId: null,
    problems: [],
  };
  const problem = (line: number | null, field: string | null, message: string) => {
    if (report.problems.length < 200) report.problems.push({ line, field, message });
  };
  const comuni = new Set(
    (await db.selectFrom("ambito_comune").select("comune_istat").where("ambito_id", "=", ambitoId).execute()).map(
      (c) => c.comune_istat,
    ),
  );
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  let index: Record<string, number> | null = null;
  const records = /\.xlsx$/i.test(path) ? readXlsx(path) : readCsv(path);
  try {
    for await (const { line, cells } of records) {
      if (!index) {
        const names = cells.map(normaliseHeader).map((n) => n.replace(/ /g, "_"));
        const missing = REQUIRED.filter((c) => !names.includes(c));
        if (missing.length) {
          problem(
            line,
            null,
            `missing column(s): ${missing.join(", ")} (header must name: ${SERIES_COLUMNS.join(", ")})`,
          );
          break;
        }
        index = Object.fromEntries(SERIES_COLUMNS.map((c) => [c, names.indexOf(c)]));
        continue;
      }
      if (cells.every((c) => c.trim() === "")) continue;
      const get = (c: (typeof SERIES_COLUMNS)[number]) =>
        (index?.[c] ?? -1) >= 0 ? (cells[index?.[c] as number] ?? "").trim() : "";
      const territory = get("territory").toUpperCase() === AMBITO ? AMBITO : get("territory").padStart(6, "0");
      if (territory !== AMBITO && !comuni.has(territory)) {
        problem(line, "territory", `'${get("territory")}' is not a Comune of this Ambito (ISTAT code) nor AMBITO`);
        continue;
      }
      const year = Number(get("year"));
      if (!/^\d{4}$/.test(get("year")) || year < 1900 || year > 2200) {
        problem(line, "year", `'${get("year")}' is not a year`);
        continue;
      }
      const series = get("series").toLowerCase();
      if (!/^[a-z][a-z0-9_]*$/.test(series)) {
        problem(line, "series", `'${get("series")}' must be a snake_case name such as disabled_residents`);
        continue;
      }
      const valueText = get("value")
        .replace(/\.(?=\d{3}(\D|$))/g, "")
        .replace(",", ".");
      if (!/^\d+(\.\d+)?$/.test(valueText)) {
        problem(line, "value", `'${get("value")}' is not a number not below zero`);
        continue;
      }
      const sex = (get("sex") || "T").toUpperCase();
      if (!["T", "M", "F"].includes(sex)) {
        problem(line, "sex", `'${get("sex")}' must be T, M or F`);
        continue;
      }
      const citizenship = (get("citizenship") || "all").toLowerCase();
      if (!["all", "foreign"].includes(citizenship)) {
        problem(line, "citizenship", `'${get("citizenship")}' must be all or foreign`);
        continue;
      }
      const ageFrom = get("age_from") === "" ? 0 : Number(get("age_from"));
      const ageTo = get("age_to") === "" ? OPEN_AGE : Number(get("age_to"));
      if (
        !Number.isInteger(ageFrom) ||
        !Number.isInteger(ageTo) ||
        ageFrom < 0 ||
        ageTo < ageFrom ||
        ageTo > OPEN_AGE
      ) {
        problem(line, "age_from", `age class ${get("age_from")}-${get("age_to")} is not valid`);
        continue;
      }
      const key = [territory, year, series, sex, citizenship, ageFrom, ageTo].join("|");
      const previous = seen.get(key);
      if (previous !== undefined) {
        problem(line, null, `duplicate of line ${previous}`);
        continue;
      }
      seen.set(key, line);
      rows.push({
        territory,
        year,
        series,
        value: valueText,
        sex: sex as Row["sex"],
        citizenship: citizenship as Row["citizenship"],
        age_from: ageFrom,
        age_to: ageTo,
        unit: get("unit") || "persone",
        source_line: line,
      });
    }
  } catch (error) {
    if (error instanceof CsvFormatError) problem(error.line, null, error.message);
    else problem(null, null, `the file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!index && report.problems.length === 0) problem(null, null, "the file is empty");
  report.rows = rows.length;
  report.series = [...new Set(rows.map((r) => r.series))].sort();
  if (report.problems.length || opts.dryRun) return { ...report, ok: report.problems.length === 0 };

  report.datasetId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("obs_dataset")
      .values({
        ambito_id: ambitoId,
        name: path.split("/").pop() ?? path,
        kind: "generic",
        source: opts.source,
        licence: opts.licence ?? null,
        reference_date: opts.referenceDate ?? null,
        origin: path.split("/").pop() ?? path,
        rows: rows.length,
        imported_by: opts.actorUserId ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto("obs_count")
        .values(rows.slice(i, i + BATCH).map((r) => ({ ...r, ambito_id: ambitoId, dataset_id: id })))
        .onConflict((oc) =>
          oc
            .columns(["ambito_id", "territory", "series", "year", "sex", "citizenship", "age_from", "age_to"])
            .doUpdateSet((eb) => ({
              value: eb.ref("excluded.value"),
              dataset_id: eb.ref("excluded.dataset_id"),
              published_table_id: null,
              source_line: eb.ref("excluded.source_line"),
            })),
        )
        .execute();
    }
    await recordAudit(trx, {
      ambitoId,
      actorUserId: opts.actorUserId ?? null,
      actorKind: opts.actorUserId ? "user" : "cli",
      action: "observatory.import_series",
      entityType: "obs_dataset",
      entityId: String(id),
      details: { rows: rows.length, series: report.series.join(",") },
    });
    return id;
  });
  return { ...report, ok: true };
}
