import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import type { Db } from "../../db/database.ts";
import { type AuditEntry, recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError } from "../../platform/errors.ts";
import { digest, type FlowOrigin, type FlowRecord, recordFlows } from "./flows.ts";
import { beneficiaryOf, benefitsOf, sinbaOf } from "./map.ts";
import type { FlowHeader, FlowKind, PsBeneficiary, SinbaRecord } from "./records.ts";
import { enteOf, type InterventionRow, interventionPage, minorCasePage, ZERO_UUID } from "./siuss.repo.ts";
import { type FlowProblem, formatProblems, validateFlow } from "./validate.ts";
import { FlowBuilder } from "./xml.ts";

export interface ExportOptions {
  from: string;
  to: string;
  outDir: string;
  operatorFiscalCode: string;
  /** Leave out records that fail (and list them) instead of writing nothing. */
  skipInvalid?: boolean;
  /** Beneficiari (or SINBA records) per file; web upload takes several, the API one. */
  perFile?: number;
  pageSize?: number;
  today?: string;
  actor: { userId: number | null; kind: AuditEntry["actorKind"]; ip?: string | null };
  onProgress?: (p: { phase: FlowKind; rows: number }) => void;
}

export interface ExportResult {
  files: { name: string; kind: FlowKind; records: number }[];
  beneficiaries: number;
  benefits: number;
  sinba: number;
  skippedNoFiscalCode: number;
  problems: FlowProblem[];
}

const ymd = (d: string) => d.replace(/-/g, "");

export async function flowHeader(
  db: Db,
  ambitoId: number,
  kind: FlowKind,
  n: number,
  operatorFiscalCode: string,
  day: string,
): Promise<FlowHeader> {
  const ente = await enteOf(db, ambitoId);
  if (!ente) throw new AppError("NOT_FOUND", "Ambito not found");
  return {
    name: `${ente.cadastral_code}.${kind === "SINBA" ? "SINBA" : "PS"}.${ymd(day)}.${String(n).padStart(7, "0")}`,
    enteCode: ente.cadastral_code,
    enteName: ente.name.slice(0, 100),
    enteCadastral: ente.cadastral_code,
    operatorFiscalCode,
  };
}

/** Counts the adults' interventions of the period, for a progress bar. */
export async function countExportRows(db: Db, ambitoId: number, from: string, to: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from intervention i
    where i.ambito_id = ${ambitoId} and i.status <> 'cancelled'
      and i.start_date <= ${to}::date and (i.end_date is null or i.end_date >= ${from}::date)`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Streams people → Beneficiario records, page by page, keeping one person's rows together. */
async function* beneficiaries(
  db: Db,
  ambitoId: number,
  o: ExportOptions,
  today: string,
  stats: { skippedNoFiscalCode: number },
  problems: FlowProblem[],
): AsyncGenerator<PsBeneficiary> {
  const period = { from: o.from, to: o.to };
  let after = { personId: ZERO_UUID, id: ZERO_UUID };
  let pending: InterventionRow[] = [];
  const flush = (rows: InterventionRow[]): PsBeneficiary | null => {
    const first = rows[0];
    if (!first) return null;
    if (!first.fiscal_code || fiscalCodeProblem(first.fiscal_code)) {
      stats.skippedNoFiscalCode++;
      return null;
    }
    const benefits = rows.flatMap((r) => benefitsOf(r, period, today));
    if (benefits.length === 0) return null;
    const { record, problems: p } = beneficiaryOf(rows, benefits);
    problems.push(...p);
    return record;
  };
  let seen = 0;
  for (;;) {
    const page = await interventionPage(db, ambitoId, period, after, o.pageSize ?? 2000);
    for (const r of page) {
      if (pending.length && (pending[0] as InterventionRow).person_id !== r.person_id) {
        const b = flush(pending);
        if (b) yield b;
        pending = [];
      }
      pending.push(r);
    }
    seen += page.length;
    o.onProgress?.({ phase: "PS_PSA_SINA", rows: seen });
    const last = page[page.length - 1];
    if (!last || page.length < (o.pageSize ?? 2000)) break;
    after = { personId: last.person_id, id: last.id };
  }
  const b = flush(pending);
  if (b) yield b;
}

async function* sinbaRecords(
  db: Db,
  ambitoId: number,
  o: ExportOptions,
  problems: FlowProblem[],
): AsyncGenerator<SinbaRecord> {
  let after = ZERO_UUID;
  let seen = 0;
  for (;;) {
    const page = await minorCasePage(db, ambitoId, { from: o.from, to: o.to }, after, o.pageSize ?? 2000);
    for (const r of page) {
      const { record, problems: p } = sinbaOf(ambitoId, r, o.to);
      problems.push(...p);
      if (record) yield record;
    }
    seen += page.length;
    o.onProgress?.({ phase: "SINBA", rows: seen });
    const last = page[page.length - 1];
    if (!last || page.length < (o.pageSize ?? 2000)) break;
    after = last.case_id;
  }
}

/**
 * Validates one file's worth of records with the INPS schema. With skipInvalid, records the
 * validator rejects are left out and the file is rebuilt; otherwise their problems are returned
 * with the rejected file (its hash goes to the flow register as invalid).
 */
async function finishFile<T extends { ref: string }>(
  kind: FlowKind,
  head: FlowHeader,
  records: T[],
  add: (b: FlowBuilder, r: T) => void,
  skipInvalid: boolean,
  problems: FlowProblem[],
): Promise<{ xml: string; kept: T[]; errors: number } | null> {
  let keep = records;
  for (let attempt = 0; attempt < 3; attempt++) {
    const b = new FlowBuilder(kind, head);
    for (const r of keep) add(b, r);
    const xml = b.toString();
    const result = await validateFlow(kind, xml, b);
    if (result.valid) return keep.length ? { xml, kept: keep, errors: 0 } : null;
    problems.push(...result.problems);
    if (!skipInvalid) return { xml, kept: keep, errors: result.problems.length };
    const bad = new Set(result.problems.map((p) => (p.record ?? "").split("/")[0]));
    keep = keep.filter((r) => !bad.has(r.ref));
  }
  return null;
}

/**
 * Writes the PS-PSA-SINA and SINBA files of one Ambito and period into outDir. Nothing is left in
 * outDir unless every file validates against its XSD (or skipInvalid drops the failing records).
 * The export is audited with counts only.
 */
export async function exportSiuss(db: Db, ambitoId: number, o: ExportOptions): Promise<ExportResult> {
  if (o.from > o.to) throw new AppError("VALIDATION", "The period is empty", [{ path: "from", message: "after 'to'" }]);
  if (fiscalCodeProblem(o.operatorFiscalCode))
    throw new AppError("VALIDATION", "The operator's codice fiscale is not valid", [
      { path: "operatorFiscalCode", message: "not a valid codice fiscale (Ente@CFOperatore)" },
    ]);
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const perFile = o.perFile ?? 2000;
  const skip = o.skipInvalid ?? false;
  const problems: FlowProblem[] = [];
  const stats = { skippedNoFiscalCode: 0 };
  const result: ExportResult = { files: [], beneficiaries: 0, benefits: 0, sinba: 0, skippedNoFiscalCode: 0, problems };
  await mkdir(o.outDir, { recursive: true });
  const temps: { temp: string; final: string }[] = [];
  const flows: FlowRecord[] = [];
  const period = { from: o.from, to: o.to };
  const origin: FlowOrigin = {
    userId: o.actor.userId,
    actorKind: o.actor.kind === "anonymous" ? "system" : o.actor.kind,
  };
  let fileNo = 0;

  // Validation runs in libxml2 worker threads: up to two files validate while the next is read.
  const pending: Promise<void>[] = [];
  const schedule = async <T extends { ref: string }>(
    kind: FlowKind,
    records: T[],
    add: (b: FlowBuilder, r: T) => void,
    count: (kept: T[]) => void,
  ) => {
    fileNo++;
    const n = fileNo;
    const job = (async () => {
      const head = await flowHeader(db, ambitoId, kind, n, o.operatorFiscalCode, today);
      const done = await finishFile(kind, head, records, add, skip, problems);
      if (!done) return;
      const flow = { flowId: head.name, kind, channel: "file" as const, period, ...digest(done.xml) };
      if (done.errors) {
        flows.push({ ...flow, records: done.kept.length, valid: false, validationErrors: done.errors });
        return;
      }
      flows.push({ ...flow, records: done.kept.length, valid: true });
      const final = join(o.outDir, `${head.name}.xml`);
      const temp = `${final}.partial`;
      temps.push({ temp, final });
      await writeFile(temp, done.xml);
      result.files.push({ name: `${head.name}.xml`, kind, records: done.kept.length });
      count(done.kept);
    })();
    job.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
    pending.push(job);
    if (pending.length >= 2) await pending.shift();
  };

  try {
    let batch: PsBeneficiary[] = [];
    const countPs = (kept: PsBeneficiary[]) => {
      result.beneficiaries += kept.length;
      result.benefits += kept.reduce((s, x) => s + x.benefits.length, 0);
    };
    const addPs = (b: FlowBuilder, r: PsBeneficiary) => b.addBeneficiary(r);
    for await (const b of beneficiaries(db, ambitoId, o, today, stats, problems)) {
      batch.push(b);
      if (batch.length >= perFile) {
        await schedule("PS_PSA_SINA", batch, addPs, countPs);
        batch = [];
      }
    }
    if (batch.length) await schedule("PS_PSA_SINA", batch, addPs, countPs);
    let minors: SinbaRecord[] = [];
    const addSinba = (b: FlowBuilder, r: SinbaRecord) => b.addSinba(r);
    const countSinba = (kept: SinbaRecord[]) => {
      result.sinba += kept.length;
    };
    for await (const r of sinbaRecords(db, ambitoId, o, problems)) {
      minors.push(r);
      if (minors.length >= perFile) {
        await schedule("SINBA", minors, addSinba, countSinba);
        minors = [];
      }
    }
    if (minors.length) await schedule("SINBA", minors, addSinba, countSinba);
    await Promise.all(pending.splice(0));
    result.files.sort((a, b) => a.name.localeCompare(b.name));
    result.skippedNoFiscalCode = stats.skippedNoFiscalCode;

    if (problems.length && !skip) {
      // The files INPS's schema rejected stay on the register (hash, count); nothing is written.
      const rejected = flows.filter((f) => !f.valid);
      if (rejected.length) await recordFlows(db, ambitoId, origin, rejected);
      throw new AppError(
        "VALIDATION",
        `The SIUSS export has ${problems.length} invalid record(s); nothing was written.\n${formatProblems(problems)}`,
        problems.slice(0, 100).map((p) => ({ path: `${p.record ?? "header"}.${p.field ?? "?"}`, message: p.message })),
      );
    }
    for (const t of temps) await rename(t.temp, t.final);
  } catch (err) {
    await Promise.allSettled(pending);
    for (const t of temps) await rm(t.temp, { force: true });
    throw err;
  }
  const written = new Set(result.files.map((f) => f.name));
  await db.transaction().execute(async (trx) => {
    await recordFlows(
      trx,
      ambitoId,
      origin,
      flows.filter((f) => f.valid && written.has(`${f.flowId}.xml`)).sort((a, b) => a.flowId.localeCompare(b.flowId)),
    );
    await recordAudit(trx, {
      ambitoId,
      actorUserId: o.actor.userId,
      actorKind: o.actor.kind,
      action: "siuss.export",
      entityType: "siuss_flow",
      purpose: "trasmissione SIUSS (D.Lgs. 147/2017 art. 24)",
      ip: o.actor.ip ?? null,
      details: {
        from: o.from,
        to: o.to,
        files: result.files.length,
        beneficiaries: result.beneficiaries,
        benefits: result.benefits,
        sinba: result.sinba,
        skipped: result.skippedNoFiscalCode,
        invalid: problems.length,
      },
    });
  });
  return result;
}
