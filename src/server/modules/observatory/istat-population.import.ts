import type { Db } from "../../db/database.ts";
import { CsvFormatError, normaliseHeader, readCsv } from "../../importers/csv/read-csv.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";

export interface ImportIssue {
  line: number | null;
  field: string | null;
  message: string;
}

export interface IstatImportReport {
  ok: boolean;
  dryRun: boolean;
  file: string;
  years: number[];
  comuni: number;
  rows: number;
  written: number;
  problems: ImportIssue[];
}

const HEADERS = {
  code: ["codice comune", "cod comune", "codice istat", "codice istat comune", "codice"],
  age: ["eta", "eta anni", "classe di eta", "age"],
  males: ["totale maschi", "maschi", "maschi totale", "males"],
  females: ["totale femmine", "femmine", "femmine totale", "females"],
  total: ["totale", "totale maschi e femmine", "total"],
  year: ["anno", "year"],
};
const BATCH = 2000;
const MAX_PROBLEMS = 200;
const TOTAL_AGE = -1;

/** ISTAT writes "100 e oltre" (or 100+) for the open class and 999 / "Totale" for the total row. */
function parseAge(raw: string): number | null {
  const t = raw.trim().toLowerCase();
  if (t === "999" || t.startsWith("totale") || t === "total") return TOTAL_AGE;
  if (/^100\s*(\+|e oltre|e piu|e più|anni e oltre)?$/.test(t)) return 100;
  return /^\d{1,2}$/.test(t) ? Number(t) : null;
}

const parseCount = (raw: string) =>
  /^\d+$/.test(raw.trim().replace(/\./g, "")) ? Number(raw.trim().replace(/\./g, "")) : null;

/**
 * Imports resident population by Comune, single year of age and sex in the ISTAT layout
 * (demo.istat.it: "Codice comune; Comune; Età; Totale maschi; Totale femmine; Totale"; semicolon or
 * comma; UTF-8 or ISO-8859-1; title lines above the header). Streams the file, validates every
 * line, writes in batches inside one transaction, and rolls everything back on any problem.
 */
export async function importIstatPopulation(
  db: Db,
  path: string,
  opts: { year?: number; dryRun?: boolean; actorUserId?: number | null; onProgress?: (bytes: number) => void },
): Promise<IstatImportReport> {
  const report: IstatImportReport = {
    ok: false,
    dryRun: Boolean(opts.dryRun),
    file: path,
    years: [],
    comuni: 0,
    rows: 0,
    written: 0,
    problems: [],
  };
  const problem = (line: number | null, field: string | null, message: string) => {
    if (report.problems.length < MAX_PROBLEMS) report.problems.push({ line, field, message });
    else if (report.problems.length === MAX_PROBLEMS)
      report.problems.push({ line: null, field: null, message: "too many problems: only the first 200 are listed" });
  };
  const known = new Set((await db.selectFrom("comune").select("istat_code").execute()).map((c) => c.istat_code));
  const dataset = `istat-population:${path.split("/").pop()}`;

  const run = async (trx: Db) => {
    let columns: Record<keyof typeof HEADERS, number> | null = null;
    let titleYear: number | undefined;
    const seen = new Map<number, number>();
    const sums = new Map<
      string,
      { males: number; females: number; ages: number; totalRow?: { males: number; females: number; line: number } }
    >();
    let batch: { comune_istat: string; year: number; age: number; males: number; females: number; dataset: string }[] =
      [];
    const flush = async () => {
      if (batch.length && report.problems.length === 0 && !opts.dryRun) {
        await trx
          .insertInto("istat_population")
          .values(batch)
          .onConflict((oc) =>
            oc.columns(["comune_istat", "year", "age"]).doUpdateSet((eb) => ({
              males: eb.ref("excluded.males"),
              females: eb.ref("excluded.females"),
              dataset: eb.ref("excluded.dataset"),
            })),
          )
          .execute();
        report.written += batch.length;
      }
      batch = [];
    };

    for await (const { line, cells } of readCsv(path, { onBytes: opts.onProgress })) {
      if (!columns) {
        const names = cells.map(normaliseHeader);
        const find = (k: keyof typeof HEADERS) => names.findIndex((n) => HEADERS[k].includes(n));
        const found = {
          code: find("code"),
          age: find("age"),
          males: find("males"),
          females: find("females"),
          total: find("total"),
          year: find("year"),
        };
        if (found.code >= 0 && found.age >= 0) {
          const missing = (["males", "females"] as const).filter((k) => found[k] < 0);
          if (missing.length) {
            problem(line, null, `missing column(s): ${missing.map((k) => HEADERS[k][0]).join(", ")}`);
            return;
          }
          columns = found;
          if (found.year < 0 && opts.year === undefined && titleYear === undefined) {
            problem(
              line,
              "anno",
              "no year: add an 'Anno' column, keep ISTAT's title line ('... al 1° gennaio YYYY') or pass --year",
            );
            return;
          }
        } else {
          const m = cells.join(" ").match(/gennaio\s+(\d{4})|\b((?:19|20)\d{2})\b/i);
          if (m) titleYear = Number(m[1] ?? m[2]);
        }
        continue;
      }
      if (cells.every((c) => c.trim() === "")) continue;
      const cell = (i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
      let code = cell(columns.code);
      if (/^\d{4,5}$/.test(code)) code = code.padStart(6, "0");
      if (!/^\d{6}$/.test(code)) {
        problem(line, "codice comune", `'${code}' is not an ISTAT code`);
        continue;
      }
      if (!known.has(code)) {
        problem(line, "codice comune", `${code} is not a Comune of the reference list (Lombardy, ISTAT 2020-01-01)`);
        continue;
      }
      const year = columns.year >= 0 ? Number(cell(columns.year)) : (opts.year ?? (titleYear as number));
      if (!Number.isInteger(year) || year < 1900 || year > 2200) {
        problem(line, "anno", `'${cell(columns.year)}' is not a year`);
        continue;
      }
      const age = parseAge(cell(columns.age));
      if (age === null) {
        problem(line, "età", `'${cell(columns.age)}' is not an age (0-99, 100 e oltre, or 999 for the total)`);
        continue;
      }
      const males = parseCount(cell(columns.males));
      const females = parseCount(cell(columns.females));
      if (males === null || females === null) {
        problem(line, males === null ? "totale maschi" : "totale femmine", "must be a whole number not below zero");
        continue;
      }
      if (columns.total >= 0 && cell(columns.total) !== "" && parseCount(cell(columns.total)) !== males + females) {
        problem(line, "totale", `${cell(columns.total)} is not maschi + femmine (${males + females})`);
        continue;
      }
      const sumKey = `${code}|${year}`;
      const sum = sums.get(sumKey) ?? { males: 0, females: 0, ages: 0 };
      sums.set(sumKey, sum);
      if (age === TOTAL_AGE) {
        sum.totalRow = { males, females, line };
        continue;
      }
      const key = Number(code) * 1e7 + year * 1000 + age;
      const previous = seen.get(key);
      if (previous !== undefined) {
        problem(line, "età", `duplicate of line ${previous} (Comune ${code}, ${year}, age ${age})`);
        continue;
      }
      seen.set(key, line);
      sum.males += males;
      sum.females += females;
      sum.ages++;
      report.rows++;
      batch.push({ comune_istat: code, year, age, males, females, dataset });
      if (batch.length >= BATCH) await flush();
    }
    if (!columns && report.problems.length === 0) {
      problem(
        null,
        null,
        "no header found: expected columns 'Codice comune', 'Età', 'Totale maschi', 'Totale femmine'",
      );
    }
    for (const [k, s] of sums) {
      const [code, year] = k.split("|");
      if (s.ages !== 101)
        problem(null, "età", `Comune ${code}, ${year}: ${s.ages} of the 101 ages (0-99, 100 e oltre) are present`);
      if (s.totalRow && (s.totalRow.males !== s.males || s.totalRow.females !== s.females)) {
        problem(
          s.totalRow.line,
          "totale",
          `the total row says ${s.totalRow.males} M / ${s.totalRow.females} F but the ages sum to ${s.males} M / ${s.females} F`,
        );
      }
    }
    await flush();
    report.years = [...new Set([...sums.keys()].map((k) => Number(k.split("|")[1])))].sort();
    report.comuni = new Set([...sums.keys()].map((k) => k.split("|")[0])).size;
    if (report.problems.length) throw new RollBack();
    if (!opts.dryRun) {
      await trx
        .insertInto("ref_dataset")
        .values({
          name: dataset,
          version: report.years.join(","),
          source: "ISTAT, popolazione residente al 1° gennaio",
          licence: "CC BY 3.0 IT (ISTAT)",
        })
        .onConflict((oc) =>
          oc.column("name").doUpdateSet((eb) => ({ version: eb.ref("excluded.version"), loaded_at: new Date() })),
        )
        .execute();
      await recordAudit(trx, {
        ambitoId: null,
        actorUserId: opts.actorUserId ?? null,
        actorKind: opts.actorUserId ? "user" : "cli",
        action: "observatory.import_istat_population",
        entityType: "ref_dataset",
        entityId: dataset,
        details: { rows: report.rows, comuni: report.comuni, years: report.years.join(",") },
      });
    }
  };

  try {
    await db.transaction().execute(run);
    report.ok = true;
  } catch (error) {
    if (error instanceof CsvFormatError) problem(error.line, null, error.message);
    else if (!(error instanceof RollBack)) throw error;
    report.written = 0;
  }
  return report;
}

class RollBack extends Error {}
