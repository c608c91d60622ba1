import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { digest, type FlowRecord, recordFlowEsito, recordFlows } from "./flows.ts";
import { beneficiaryOf, benefitsOf, sinbaOf } from "./map.ts";
import type { FlowKind } from "./records.ts";
import { enteOf, interventionsChangedSince, minorCasesChangedSince } from "./siuss.repo.ts";
import { flowHeader } from "./siuss.service.ts";
import { invalidDocuments } from "./validate.ts";
import { FlowBuilder } from "./xml.ts";

/**
 * The pull API of api-comuni.yaml (WaaS – Alimentazione SIUSS): INPS asks for the flows changed
 * after `since` (epoch ms); each flow holds ONE beneficiary and ONE prestazione (or one SINBA
 * record), base64-encoded, and its `ts_flusso` is the change time INPS sends back next time.
 */
export interface FlowEntry {
  codice_ente: string;
  denominazione_ente: string;
  id_flusso: string;
  tipo: FlowKind;
  ts_flusso: string;
  flusso: string;
}

/** id_flusso "EEEE.TIPO.AAAAMMGG.NNNNNNN": the number is a stable digest of the record and its version. */
function flowId(belfiore: string, kind: FlowKind, ref: string, ms: number): string {
  const day = new Date(ms).toISOString().slice(0, 10).replace(/-/g, "");
  const n = Number.parseInt(createHash("sha256").update(`${ref}:${ms}`).digest("hex").slice(0, 12), 16) % 10_000_000;
  return `${belfiore}.${kind === "SINBA" ? "SINBA" : "PS"}.${day}.${String(n).padStart(7, "0")}`;
}

export async function pullFlows(
  db: Db,
  ambitoId: number,
  q: {
    sinceMs: number;
    limit: number;
    operatorFiscalCode: string;
    today?: string;
    actorUserId: number;
    /** The token's hash prefix, for the flow register. */
    apiToken: string | null;
    ip: string;
  },
): Promise<{ elenco_flussi: FlowEntry[] }> {
  const today = q.today ?? new Date().toISOString().slice(0, 10);
  const ente = await enteOf(db, ambitoId);
  if (!ente || q.limit === 0) return { elenco_flussi: [] };
  type Candidate = {
    ms: number;
    kind: FlowKind;
    ref: string;
    period: { from: string; to: string } | null;
    build: (b: FlowBuilder) => boolean;
  };
  const out: FlowEntry[] = [];
  const sent: FlowRecord[] = [];
  const outMs: number[] = [];
  let invalid = 0;
  let cursor = q.sinceMs;
  // Records that cannot make a valid flow are skipped; keep reading so that a page of them never
  // looks like "nothing new" to INPS (an empty answer pauses its polling).
  for (let round = 0; round < 20 && out.length < q.limit; round++) {
    const fetch = q.limit * 2;
    const [ps, minors] = await Promise.all([
      interventionsChangedSince(db, ambitoId, cursor, fetch, today),
      minorCasesChangedSince(db, ambitoId, cursor, fetch, today),
    ]);
    const candidates: Candidate[] = [];
    for (const r of ps) {
      // The prestazione of the latest calendar year the intervention covers.
      const year = (r.end_date && r.end_date < today ? r.end_date : today).slice(0, 4);
      const period = { from: `${year}-01-01`, to: `${year}-12-31` < today ? `${year}-12-31` : today };
      const benefit = benefitsOf(r, period, today).at(-1);
      candidates.push({
        ms: Number(r.updated_ms),
        kind: "PS_PSA_SINA",
        ref: r.id,
        period,
        build: (b) => {
          if (!benefit) return false;
          const { record } = beneficiaryOf([r], [benefit]);
          if (!record) return false;
          b.addBeneficiary(record);
          return true;
        },
      });
    }
    for (const r of minors) {
      candidates.push({
        ms: Number(r.updated_ms),
        kind: "SINBA",
        ref: r.case_id,
        period: null,
        build: (b) => {
          const { record } = sinbaOf(ambitoId, r, today);
          if (!record) return false;
          b.addSinba(record);
          return true;
        },
      });
    }
    candidates.sort((a, b) => a.ms - b.ms || a.ref.localeCompare(b.ref));
    // A source that filled its page may have more rows at or after its last change time: use only
    // what lies strictly before the earliest such boundary (whole groups of equal change time).
    const bounds = [ps, minors].filter((rows) => rows.length >= fetch).map((rows) => Number(rows.at(-1)?.updated_ms));
    const complete = bounds.length === 0;
    const boundary = Math.min(...bounds);
    const usable = complete ? candidates : candidates.filter((c) => c.ms < boundary);
    if (usable.length === 0) break;
    const take = usable.slice(0, q.limit - out.length);
    const heads = {
      PS_PSA_SINA: await flowHeader(db, ambitoId, "PS_PSA_SINA", 1, q.operatorFiscalCode, today),
      SINBA: await flowHeader(db, ambitoId, "SINBA", 1, q.operatorFiscalCode, today),
    };
    const built = take.map((c) => {
      const id = flowId(ente.cadastral_code, c.kind, c.ref, c.ms);
      const b = new FlowBuilder(c.kind, { ...heads[c.kind], name: id });
      return { c, id, xml: c.build(b) ? b.toString() : null };
    });
    const bad = new Set<string>();
    for (const kind of ["PS_PSA_SINA", "SINBA"] as const) {
      const docs = built
        .filter((x) => x.c.kind === kind && x.xml)
        .map((x) => ({ name: `${x.id}.xml`, xml: x.xml as string }));
      for (const n of await invalidDocuments(kind, docs)) bad.add(n);
    }
    for (const x of built) {
      if (!x.xml || bad.has(`${x.id}.xml`)) {
        invalid++;
        continue;
      }
      out.push({
        codice_ente: ente.cadastral_code,
        denominazione_ente: ente.name.slice(0, 256),
        id_flusso: x.id,
        tipo: x.c.kind,
        ts_flusso: new Date(x.c.ms).toISOString(),
        flusso: Buffer.from(x.xml, "utf8").toString("base64"),
      });
      outMs.push(x.c.ms);
      sent.push({
        flowId: x.id,
        kind: x.c.kind,
        channel: "api",
        period: x.c.period,
        records: 1,
        ...digest(x.xml),
        valid: true,
      });
    }
    const i = take.length;
    // Never end a page inside a group of flows sharing one change time (INPS resumes after it).
    const next = usable[i];
    if (next && out.length && next.ms === outMs.at(-1)) {
      const cut = outMs.at(-1);
      while (out.length > 1 && outMs.at(-1) === cut) {
        out.pop();
        outMs.pop();
        sent.pop();
      }
    }
    if (complete || out.length >= q.limit) break;
    cursor = (usable.at(-1) as Candidate).ms;
  }
  // Only what is answered goes on the register; flows that failed validation were never sent.
  await db.transaction().execute(async (trx) => {
    await recordFlows(trx, ambitoId, { userId: q.actorUserId, actorKind: "user", apiToken: q.apiToken }, sent);
    await recordAudit(trx, {
      ambitoId,
      actorUserId: q.actorUserId,
      actorKind: "user",
      action: "siuss.pull",
      entityType: "siuss_flow",
      purpose: "trasmissione SIUSS (D.Lgs. 147/2017 art. 24)",
      ip: q.ip,
      details: { since: q.sinceMs, flows: out.length, invalid },
    });
  });
  return { elenco_flussi: out };
}

export interface Esito {
  id_flusso: string;
  tipo: string;
  ts_flusso: string;
  ts_acquisizione: string;
  codice_esito: "OK" | "DATI_NON_TROVATI" | "RICHIESTA_INVALIDA" | "ERRORE_GENERICO";
  descrizione_esito?: string;
  id_acquisizione_siuss?: string;
}

/**
 * INPS's outcomes, one audit event each (ids and codes: INPS's free-text description is not
 * kept, it may quote the record). All are recorded in one transaction, so a 2xx means all stored.
 */
export async function recordEsiti(db: Db, ambitoId: number, esiti: Esito[], actorUserId: number, ip: string) {
  await db.transaction().execute(async (trx) => {
    for (const e of esiti) {
      const flows = await recordFlowEsito(trx, ambitoId, {
        flowId: e.id_flusso,
        esito: e.codice_esito,
        acquiredAt: e.ts_acquisizione,
        acquisitionId: e.id_acquisizione_siuss?.slice(0, 64) ?? null,
      });
      await recordAudit(trx, {
        ambitoId,
        actorUserId,
        actorKind: "user",
        action: "siuss.esito",
        entityType: "siuss_flow",
        entityId: e.id_flusso.slice(0, 64),
        outcome: "ok",
        ip,
        details: {
          tipo: e.tipo.slice(0, 20),
          codice_esito: e.codice_esito,
          ts_flusso: e.ts_flusso.slice(0, 40),
          id_acquisizione_siuss: e.id_acquisizione_siuss?.slice(0, 64) ?? null,
          known: flows > 0,
        },
      });
    }
  });
}
