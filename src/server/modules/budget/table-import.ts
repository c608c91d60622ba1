import { basename } from "node:path";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { formatCents } from "./amounts.ts";
import { MISSIONI_DATASET } from "./reference-data.ts";
import type { TableMapping } from "./table-mapping.ts";

import {
  BATCH,
  readAll,
  sha256Of,
  type TableImportOptions,
  type TableImportReport,
  type TableLine,
  TableReader,
  type Totals,
} from "./table-reader.ts";

/**
 * Import of a budget published as a table (CSV or XLSX, e.g. BDAP open data: semicolon separated,
 * ISO-8859-1). Two passes over the file: the first validates every row (reporting line, field and
 * reason) without keeping the rows; only when nothing is wrong does the second write them, in one
 * transaction. The same file (sha256) is imported once per ente.
 */
async function programmeCodes(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom("ref_budget_programme")
    .select(["missione", "programma"])
    .where("version", "=", (eb) => eb.selectFrom("ref_dataset").select("version").where("name", "=", MISSIONI_DATASET))
    .execute();
  return new Set(rows.map((r) => `${r.missione}.${r.programma}`));
}

export async function importBudgetTable(
  db: Db,
  ambitoId: number,
  path: string,
  mapping: TableMapping,
  opts: TableImportOptions,
): Promise<TableImportReport> {
  const sha256 = await sha256Of(path);
  const programmes = await programmeCodes(db);
  const check = new TableReader(mapping, programmes);
  const rows = await readAll(path, check, () => {}, opts.onProgress);
  const year = check.year;
  const title = opts.title?.trim() || `${mapping.kind} ${year ?? ""} (${basename(path)})`;
  const sections: TableImportReport["sections"] = {};
  for (const [s, t] of [...check.sections.entries()].sort()) {
    const totals = { forecast: t.forecast, priorForecast: t.priorForecast, priorActual: t.priorActual };
    sections[s] = {
      lines: t.lines,
      totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, formatCents(v)])) as Record<
        keyof Totals,
        string
      >,
      totalsCents: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)])) as Record<
        keyof Totals,
        number
      >,
    };
  }
  const lines = [...check.sections.values()].reduce((s, x) => s + x.lines, 0);
  if (!lines && !check.problemCount) check.problem(null, null, "at least one budget line", "no data rows");
  const checks = [
    { name: "every row has the document's year", passed: true, expected: String(year), found: `${lines} rows` },
    {
      name: "capitolo/articolo/sub unique within each section",
      passed: true,
      expected: "unique",
      found: `${lines} keys`,
    },
    {
      name: "piano dei conti agrees with titolo and macroaggregato/tipologia",
      passed: true,
      expected: "agree",
      found: `${check.pdcChecked} codes`,
    },
    {
      name: "Missione/Programma in the reference table",
      passed: true,
      expected: MISSIONI_DATASET,
      found: `${check.programmesChecked} lines`,
    },
  ];
  const report: TableImportReport = {
    ok: false,
    status: "refused",
    message: "",
    documentId: null,
    file: basename(path),
    sha256,
    mapping: opts.mappingName,
    meta: year ? { year, kind: mapping.kind, title } : null,
    rows,
    sections,
    checks,
    problems: check.problems,
    problemCount: check.problemCount,
  };
  if (check.problemCount || !year) {
    report.message = `${check.problemCount} problem(s); nothing was written`;
    return report;
  }
  const existing = await db
    .selectFrom("budget_document")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  if (existing)
    return {
      ...report,
      ok: true,
      status: "already-imported",
      documentId: existing.id,
      message: `already imported as document ${existing.id}`,
    };
  if (opts.dryRun) return { ...report, ok: true, status: "dry-run", message: "dry run: checked, nothing written" };

  const documentId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("budget_document")
      .values({
        ambito_id: ambitoId,
        year,
        kind: mapping.kind,
        title,
        source_file: basename(path),
        sha256,
        lines,
        checks_failed: 0,
        imported_by: opts.actorUserId ?? null,
        origin: "table",
        mapping_name: opts.mappingName,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const write = new TableReader(mapping, programmes);
    let batch: ReturnType<typeof lineRow>[] = [];
    let seq = 0;
    const flush = async () => {
      // One JSON parameter per batch: far cheaper than thousands of bound parameters (PGlite above all).
      if (batch.length)
        await sql`insert into budget_line select * from json_populate_recordset(null::budget_line, ${JSON.stringify(batch)}::json)`.execute(
          trx,
        );
      batch = [];
    };
    await readAll(path, write, async (l) => {
      batch.push(lineRow(ambitoId, id, ++seq, l));
      if (batch.length >= BATCH) await flush();
    });
    await flush();
    // The file cannot change between the passes unnoticed: the second one must see the same lines.
    if (write.problemCount || seq !== lines) throw new Error("the file changed while it was being imported");
    await trx
      .insertInto("budget_check")
      .values(checks.map((c, i) => ({ ambito_id: ambitoId, document_id: id, seq: i + 1, line: null, ...c })))
      .execute();
    await recordAudit(trx, {
      ambitoId,
      actorUserId: opts.actorUserId ?? null,
      actorKind: opts.actorUserId ? "user" : "cli",
      action: "budget.import_table",
      entityType: "budget_document",
      entityId: String(id),
      details: { lines, mapping: opts.mappingName },
    });
    return id;
  });
  return { ...report, ok: true, status: "imported", documentId, message: `imported as document ${documentId}` };
}

function lineRow(ambitoId: number, documentId: number, seq: number, l: TableLine) {
  return {
    ambito_id: ambitoId,
    document_id: documentId,
    seq,
    section: l.section,
    direzione: "",
    settore: l.settore,
    settore_name: l.settoreName,
    titolo: l.titolo,
    tipologia: l.tipologia,
    macroaggregato: l.macroaggregato,
    capitolo: l.capitolo,
    articolo: l.articolo,
    sub: l.sub,
    pdc: l.pdc,
    description: l.description,
    vincolo: l.vincolo,
    missione: l.missione,
    programma: l.programma,
    forecast_cents: l.forecast.toString(),
    prior_forecast_cents: l.priorForecast.toString(),
    prior_actual_cents: l.priorActual.toString(),
    crono_cents: null,
    new_funds_cents: null,
    ptlp_cents: null,
    first_line: l.line,
    last_line: l.line,
  };
}
