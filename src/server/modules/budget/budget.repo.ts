import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Queries over stored budget documents; every one is bound to one Ambito. */

const DOCUMENT_COLUMNS = [
  "id",
  "year",
  "kind",
  "title",
  "source_file",
  "sha256",
  "lines",
  "checks_failed",
  "override_note",
  "imported_at",
] as const;

export function listDocuments(db: Db, ambitoId: number) {
  return db
    .selectFrom("budget_document")
    .select(DOCUMENT_COLUMNS)
    .where("ambito_id", "=", ambitoId)
    .orderBy("id")
    .execute();
}

export function findDocument(db: Db, ambitoId: number, id: number) {
  return db
    .selectFrom("budget_document")
    .select(DOCUMENT_COLUMNS)
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function listChecks(db: Db, ambitoId: number, documentId: number) {
  return db
    .selectFrom("budget_check")
    .select(["seq", "name", "line", "expected", "found", "passed"])
    .where("ambito_id", "=", ambitoId)
    .where("document_id", "=", documentId)
    .orderBy("seq")
    .execute();
}

export interface LineFilter {
  section?: string;
  settore?: string;
  missione?: string;
  programma?: string;
}

export function listLines(db: Db, ambitoId: number, documentId: number, f: LineFilter = {}) {
  let q = db
    .selectFrom("budget_line")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("document_id", "=", documentId);
  if (f.section) q = q.where("section", "=", f.section as "1.A");
  if (f.settore) q = q.where("settore", "=", f.settore);
  if (f.missione) q = q.where("missione", "=", f.missione);
  if (f.programma) q = q.where("programma", "=", f.programma);
  return q.orderBy("seq").execute();
}

export type SummaryAxis = "section" | "settore" | "titolo" | "group" | "programma";

/** Sums per axis and amount column, computed by the database (int8 sums stay exact). */
export async function sumLines(db: Db, ambitoId: number, documentId: number, axis: SummaryAxis) {
  const key = {
    section: sql<string>`section`,
    settore: sql<string>`section || ' ' || settore`,
    titolo: sql<string>`section || ' ' || titolo`,
    group: sql<string>`section || ' ' || titolo || '.' || coalesce(tipologia, macroaggregato, '')`,
    programma: sql<string>`section || ' ' || missione || '.' || programma`,
  }[axis];
  const rows = await db
    .selectFrom("budget_line")
    .select([
      key.as("key"),
      sql<string>`count(*)`.as("lines"),
      sql<string>`sum(forecast_cents)`.as("forecast"),
      sql<string>`sum(prior_forecast_cents)`.as("prior_forecast"),
      sql<string>`sum(prior_actual_cents)`.as("prior_actual"),
    ])
    .where("ambito_id", "=", ambitoId)
    .where("document_id", "=", documentId)
    .$if(axis === "programma", (q) => q.where("missione", "is not", null))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    lines: Number(r.lines),
    forecastCents: Number(r.forecast),
    priorForecastCents: Number(r.prior_forecast),
    priorActualCents: Number(r.prior_actual),
  }));
}
