import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { type Amounts, addInto, COLUMNS, type Column, formatCents } from "./amounts.ts";
import { type BudgetCheck, ReportChecker } from "./report-checks.ts";
import { parseReportFile } from "./report-parser.ts";
import { type BudgetLineRecord, LINE_SECTIONS, type ReportMeta, type ReportProblem } from "./report-types.ts";

const BATCH = 500;

export interface BudgetImportOptions {
  year?: number;
  kind?: ReportMeta["kind"];
  dryRun?: boolean;
  /** Write even though some checks failed; the reason is stored on the document and audited. */
  acceptFailedChecks?: string;
  actorUserId?: number | null;
}

export interface SectionSummary {
  lines: number;
  /** Sum of the lines per amount column, formatted "1.234,56", and in cents. */
  totals: Partial<Record<Column, string>>;
  totalsCents: Partial<Record<Column, number>>;
}

export interface BudgetImportReport {
  ok: boolean;
  status: "imported" | "dry-run" | "already-imported" | "refused";
  message: string;
  documentId: number | null;
  file: string;
  sha256: string;
  meta: ReportMeta | null;
  sections: Record<string, SectionSummary>;
  checks: { total: number; passed: number; failed: BudgetCheck[] };
  problems: ReportProblem[];
  overrideNote: string | null;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Parses and validates a report without touching the database. */
export async function analyseReport(path: string, opts: Pick<BudgetImportOptions, "year" | "kind"> = {}) {
  const lines: BudgetLineRecord[] = [];
  const problems: ReportProblem[] = [];
  const checker = new ReportChecker();
  let meta: ReportMeta | null = null;
  await parseReportFile(path, {
    meta: (m) => {
      meta = m;
      checker.setYear(m.year);
      if (opts.year && opts.year !== m.year)
        problems.push({ line: null, expected: `a report for year ${opts.year} (--year)`, found: `${m.title}` });
      if (opts.kind && opts.kind !== m.kind)
        problems.push({ line: null, expected: `a report of kind ${opts.kind} (--kind)`, found: `${m.title}` });
    },
    line: (l) => {
      lines.push(l);
      checker.line(l);
    },
    total: (t) => checker.total(t),
    problem: (p) => {
      if (problems.length < 200) problems.push(p);
    },
  });
  const checks = checker.finish();
  const sections: Record<string, SectionSummary> = {};
  const sums: Record<string, Amounts> = {};
  for (const s of LINE_SECTIONS) sums[s] = {};
  for (const l of lines) addInto(sums[l.section] as Amounts, l.amounts);
  for (const s of LINE_SECTIONS) {
    const sum = sums[s] as Amounts;
    const cols = COLUMNS.filter((c) => sum[c] !== undefined);
    sections[s] = {
      lines: lines.filter((l) => l.section === s).length,
      totals: Object.fromEntries(cols.map((c) => [c, formatCents(sum[c] as bigint)])),
      totalsCents: Object.fromEntries(cols.map((c) => [c, Number(sum[c])])),
    };
  }
  return { meta: meta as ReportMeta | null, lines, problems, checks, sections };
}

/**
 * Imports a "Report Commissioni" text file: everything is parsed and checked first, then written
 * in one transaction, or nothing is. The same file (sha256) is imported once per Ambito.
 */
export async function importBudgetReport(
  db: Db,
  ambitoId: number,
  path: string,
  opts: BudgetImportOptions = {},
): Promise<BudgetImportReport> {
  const sha256 = await sha256Of(path);
  const { meta, lines, problems, checks, sections } = await analyseReport(path, opts);
  const failed = checks.filter((c) => !c.passed);
  const override = opts.acceptFailedChecks?.trim() || null;
  const report: BudgetImportReport = {
    ok: false,
    status: "refused",
    message: "",
    documentId: null,
    file: basename(path),
    sha256,
    meta,
    sections,
    checks: { total: checks.length, passed: checks.length - failed.length, failed },
    problems,
    overrideNote: null,
  };
  if (problems.length || !meta) {
    const first = problems[0];
    report.message =
      !meta && first
        ? `not a Bilancio report: expected ${first.expected} at line ${first.line}, found '${first.found}'; nothing was written`
        : `the file cannot be imported: ${problems.length} problem(s); nothing was written`;
    return report;
  }
  const existing = await db
    .selectFrom("budget_document")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  if (existing) {
    return {
      ...report,
      ok: true,
      status: "already-imported",
      documentId: existing.id,
      message: `already imported as document ${existing.id}`,
    };
  }
  if (failed.length && !override) {
    report.message = `${failed.length} check(s) failed; nothing was written (pass --accept-failed-checks "reason" to import anyway)`;
    return report;
  }
  report.overrideNote = failed.length ? override : null;
  if (opts.dryRun) return { ...report, ok: true, status: "dry-run", message: "dry run: checked, nothing written" };

  const documentId = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("budget_document")
      .values({
        ambito_id: ambitoId,
        year: meta.year,
        kind: meta.kind,
        title: meta.title,
        source_file: basename(path),
        sha256,
        lines: lines.length,
        checks_failed: failed.length,
        override_note: report.overrideNote,
        imported_by: opts.actorUserId ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < lines.length; i += BATCH) {
      await trx
        .insertInto("budget_line")
        .values(lines.slice(i, i + BATCH).map((l, j) => lineRow(ambitoId, id, i + j + 1, l)))
        .execute();
    }
    for (let i = 0; i < checks.length; i += BATCH) {
      await trx
        .insertInto("budget_check")
        .values(
          checks.slice(i, i + BATCH).map((c, j) => ({ ambito_id: ambitoId, document_id: id, seq: i + j + 1, ...c })),
        )
        .execute();
    }
    await recordAudit(trx, {
      ambitoId,
      actorUserId: opts.actorUserId ?? null,
      actorKind: opts.actorUserId ? "user" : "cli",
      action: report.overrideNote ? "budget.import_override" : "budget.import",
      entityType: "budget_document",
      entityId: String(id),
      details: {
        lines: lines.length,
        checks: checks.length,
        checks_failed: failed.length,
        override: report.overrideNote,
      },
    });
    return id;
  });
  return { ...report, ok: true, status: "imported", documentId, message: `imported as document ${documentId}` };
}

const cents = (v: bigint | undefined) => (v === undefined ? null : v.toString());

function lineRow(ambitoId: number, documentId: number, seq: number, l: BudgetLineRecord) {
  return {
    ambito_id: ambitoId,
    document_id: documentId,
    seq,
    section: l.section,
    direzione: l.direzione,
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
    forecast_cents: cents(l.amounts.forecast) ?? "0",
    prior_forecast_cents: cents(l.amounts.priorForecast) ?? "0",
    prior_actual_cents: cents(l.amounts.priorActual) ?? "0",
    crono_cents: cents(l.amounts.crono),
    new_funds_cents: cents(l.amounts.newFunds),
    ptlp_cents: cents(l.amounts.ptlp),
    first_line: l.firstLine,
    last_line: l.lastLine,
  };
}
