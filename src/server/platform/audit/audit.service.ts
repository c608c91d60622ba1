import type { Db } from "../../db/database.ts";
import { eventHash, GENESIS_HASH } from "./audit.hash.ts";
import { type AuditFilter, chainHead, chainIds, chainPage, listEvents, lockChainHead } from "./audit.repo.ts";

/** Platform events (logins, system administration) go to chain 0; each Ambito has its own chain. */
export const PLATFORM_CHAIN = 0;

export interface AuditEntry {
  ambitoId: number | null;
  actorUserId: number | null;
  actorKind: "user" | "anonymous" | "system" | "cli";
  action: string;
  entityType: string;
  entityId?: string | null;
  comuneIstat?: string | null;
  purpose?: string | null;
  outcome?: "ok" | "denied";
  ip?: string | null;
  /** Ids and codes only: never names, codici fiscali, health or ISEE data. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Appends one event to its chain. Pass the transaction of the write being audited so that the
 * write and its audit entry commit or roll back together.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const run = async (trx: Db) => {
    const chainId = entry.ambitoId ?? PLATFORM_CHAIN;
    const head = await lockChainHead(trx, chainId);
    const fields = {
      chain_id: chainId,
      seq: head.last_seq + 1,
      ambito_id: entry.ambitoId,
      at: new Date(),
      actor_user_id: entry.actorUserId,
      actor_kind: entry.actorKind,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      comune_istat: entry.comuneIstat ?? null,
      purpose: entry.purpose ?? null,
      outcome: entry.outcome ?? "ok",
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    };
    const hash = eventHash(head.last_hash, fields);
    await trx
      .insertInto("audit_event")
      .values({ ...fields, details: JSON.stringify(fields.details), prev_hash: head.last_hash, hash })
      .execute();
    await trx
      .updateTable("audit_chain")
      .set({ last_seq: fields.seq, last_hash: hash })
      .where("chain_id", "=", chainId)
      .execute();
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

export interface VerifyResult {
  chainId: number;
  events: number;
  ok: boolean;
  firstBadSeq: number | null;
  reason: string | null;
}

const PAGE = 1000;

/**
 * Recomputes every hash of a chain, page by page, up to the chain head read at the start (events
 * appended meanwhile belong to the next verification), and checks the head itself.
 */
export async function verifyChain(db: Db, chainId: number): Promise<VerifyResult> {
  const head = await chainHead(db, chainId);
  const lastSeq = head?.last_seq ?? 0;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const fail = (seq: number, reason: string): VerifyResult => ({
    chainId,
    events: expectedSeq - 1,
    ok: false,
    firstBadSeq: seq,
    reason,
  });
  while (expectedSeq <= lastSeq) {
    const page = await chainPage(db, chainId, expectedSeq - 1, Math.min(PAGE, lastSeq - expectedSeq + 1));
    if (page.length === 0) break;
    for (const row of page) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, `event ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return fail(row.seq, "prev_hash does not match the previous event");
      const recomputed = eventHash(prevHash, { ...row, at: new Date(row.at) });
      if (recomputed !== row.hash) return fail(row.seq, "content does not match its hash (altered)");
      prevHash = row.hash;
      expectedSeq++;
    }
  }
  const verified = expectedSeq - 1;
  if (verified < lastSeq)
    return fail(verified + 1, `chain head records ${lastSeq} events but ${verified} are present (events removed)`);
  if (head && head.last_hash !== prevHash) return fail(lastSeq, "chain head hash does not match the last event");
  return { chainId, events: verified, ok: true, firstBadSeq: null, reason: null };
}

export async function verifyAll(db: Db): Promise<VerifyResult[]> {
  const out: VerifyResult[] = [];
  for (const id of await chainIds(db)) out.push(await verifyChain(db, id));
  return out;
}

export { type AuditFilter, listEvents as listAuditEvents };
