import type { Measure, PublishedColumn, PublishedTable } from "../../../shared/contracts/observatory.ts";
import { INDICATOR_BY_CODE, OPEN_AGE } from "../../../shared/indicators.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AMBITO } from "./count-store.ts";
import type { ResolvedDocument } from "./published.validate.ts";

const BATCH = 500;

const STOCK_SERIES = new Set(["population", "households"]);
const FLOW_INDICATORS = new Set(["birth_rate", "mortality_rate"]);

function isStock(m: Measure): boolean {
  if (m.kind === "count") return STOCK_SERIES.has(m.series);
  if (m.kind === "percent") return STOCK_SERIES.has(m.of.series) && STOCK_SERIES.has(m.per.series);
  return m.kind === "indicator" && INDICATOR_BY_CODE.has(m.code) && !FLOW_INDICATORS.has(m.code);
}

/**
 * A stock counted at 31 December is the stock at 1 January of the next year, which is how ISTAT
 * dates population: such columns move to that year (the printed year is kept for display).
 */
export function alignColumns(table: PublishedTable): (PublishedColumn & { printedYear: number | null })[] {
  const endOfYear = table.referenceDate?.endsWith("-12-31") ?? false;
  return table.columns.map((c) => ({
    ...c,
    year: c.year !== null && endOfYear && isStock(c.measure) ? c.year + 1 : c.year,
    printedYear: c.year,
  }));
}

export interface PublishedImportResult {
  datasetId: number;
  tables: number;
  rows: number;
  counts: number;
  replaced: boolean;
}

/** Writes a validated document in one transaction; `replace` swaps an earlier import of the same document. */
export async function writePublished(
  db: Db,
  ambitoId: number,
  { doc, comuni }: ResolvedDocument,
  opts: { origin: string; userId: number | null; replace: boolean },
): Promise<PublishedImportResult | null> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom("obs_dataset")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("kind", "=", "published")
      .where("name", "=", doc.document)
      .executeTakeFirst();
    if (previous && !opts.replace) return null;
    if (previous) await deleteDataset(trx, ambitoId, previous.id);
    const dataset = await trx
      .insertInto("obs_dataset")
      .values({
        ambito_id: ambitoId,
        name: doc.document,
        kind: "published",
        source: doc.seed ? `${doc.document} (${doc.seed})` : doc.document,
        origin: opts.origin,
        imported_by: opts.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    let rows = 0;
    let counts = 0;
    for (const table of doc.tables) {
      const columns = alignColumns(table);
      const { id: tableId } = await trx
        .insertInto("obs_published_table")
        .values({
          ambito_id: ambitoId,
          dataset_id: dataset.id,
          code: table.code,
          title: table.title,
          source: table.source ?? null,
          reference_date: table.referenceDate ?? null,
          line_from: table.lines?.[0] ?? null,
          line_to: table.lines?.[1] ?? null,
          columns: JSON.stringify(columns),
          notes: table.notes ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const rowValues = table.rows.map((r, i) => ({
        ambito_id: ambitoId,
        table_id: tableId,
        row_no: i + 1,
        label: r.label,
        kind: r.kind,
        comune_istat: r.kind === "comune" ? (comuni.get(r.comune ?? r.label) ?? null) : null,
        age_from: r.ageFrom ?? null,
        age_to: r.ageTo ?? null,
        line: r.line ?? null,
        year: r.year ?? null,
        values: JSON.stringify(r.values),
      }));
      for (let i = 0; i < rowValues.length; i += BATCH) {
        await trx
          .insertInto("obs_published_row")
          .values(rowValues.slice(i, i + BATCH))
          .execute();
      }
      rows += rowValues.length;
      const countRows = countsOf(table, columns, comuni).map((c) => ({
        ...c,
        ambito_id: ambitoId,
        dataset_id: dataset.id,
        published_table_id: tableId,
      }));
      for (let i = 0; i < countRows.length; i += BATCH) {
        // The first table to give a count keeps it; the checker compares the others against it.
        const res = await trx
          .insertInto("obs_count")
          .values(countRows.slice(i, i + BATCH))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        counts += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
    }
    await trx
      .updateTable("obs_dataset")
      .set({ rows: counts })
      .where("ambito_id", "=", ambitoId)
      .where("id", "=", dataset.id)
      .execute();
    await recordAudit(trx, {
      ambitoId,
      actorUserId: opts.userId,
      actorKind: opts.userId ? "user" : "system",
      action: "observatory.import_published",
      entityType: "obs_dataset",
      entityId: String(dataset.id),
      details: { tables: doc.tables.length, counts, replaced: Boolean(previous) },
    });
    return { datasetId: dataset.id, tables: doc.tables.length, rows, counts, replaced: Boolean(previous) };
  });
}

function countsOf(table: PublishedTable, columns: ReturnType<typeof alignColumns>, comuni: Map<string, string>) {
  const out = [];
  for (const row of table.rows) {
    const territory =
      row.kind === "comune" ? comuni.get(row.comune ?? row.label) : row.kind === "ambito" ? AMBITO : undefined;
    if (!territory) continue;
    for (const column of columns) {
      const value = row.values[column.key];
      const year = column.year ?? row.year;
      if (value === undefined || year === undefined || column.measure.kind !== "count") continue;
      const m = column.measure;
      const ageFrom = row.ageFrom ?? m.ageFrom ?? 0;
      const ageTo = row.ageFrom !== undefined ? row.ageTo : m.ageTo;
      out.push({
        territory,
        series: m.series,
        year,
        sex: m.sex ?? ("T" as const),
        citizenship: m.citizenship ?? ("all" as const),
        age_from: ageFrom,
        age_to: ageTo ?? OPEN_AGE,
        value: String(value),
        source_line: row.line ?? null,
      });
    }
  }
  return out;
}

export async function deleteDataset(db: Db, ambitoId: number, datasetId: number): Promise<void> {
  await db.deleteFrom("obs_count").where("ambito_id", "=", ambitoId).where("dataset_id", "=", datasetId).execute();
  const tables = db
    .selectFrom("obs_published_table")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("dataset_id", "=", datasetId);
  await db.deleteFrom("obs_published_row").where("ambito_id", "=", ambitoId).where("table_id", "in", tables).execute();
  await db
    .deleteFrom("obs_published_table")
    .where("ambito_id", "=", ambitoId)
    .where("dataset_id", "=", datasetId)
    .execute();
  await db.deleteFrom("obs_dataset").where("ambito_id", "=", ambitoId).where("id", "=", datasetId).execute();
}
