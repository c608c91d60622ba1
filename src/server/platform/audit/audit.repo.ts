import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { GENESIS_HASH } from "./audit.hash.ts";

export type DbOrTrx = Db;

/** Locks the chain head for this transaction, creating it on first use. */
export async function lockChainHead(trx: DbOrTrx, chainId: number) {
  await trx
    .insertInto("audit_chain")
    .values({ chain_id: chainId, last_seq: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("chain_id").doNothing())
    .execute();
  return trx
    .selectFrom("audit_chain")
    .select(["last_seq", "last_hash"])
    .where("chain_id", "=", chainId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export interface AuditFilter {
  chainId: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: number;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

export function listEvents(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom("audit_event as e")
    .leftJoin("app_user as u", "u.id", "e.actor_user_id")
    .select([
      "e.seq",
      "e.at",
      "e.actor_user_id",
      "u.username",
      "e.actor_kind",
      "e.action",
      "e.entity_type",
      "e.entity_id",
      "e.comune_istat",
      "e.purpose",
      "e.outcome",
      "e.ip",
    ])
    .where("e.chain_id", "=", f.chainId);
  if (f.action) q = q.where("e.action", "=", f.action);
  if (f.entityType) q = q.where("e.entity_type", "=", f.entityType);
  if (f.entityId) q = q.where("e.entity_id", "=", f.entityId);
  if (f.actorUserId) q = q.where("e.actor_user_id", "=", f.actorUserId);
  if (f.from) q = q.where("e.at", ">=", new Date(f.from));
  if (f.to) q = q.where("e.at", "<", new Date(f.to));
  if (f.beforeSeq) q = q.where("e.seq", "<", f.beforeSeq);
  return q.orderBy("e.seq", "desc").limit(f.limit).execute();
}

/** One page of a chain in order, for verification without loading the chain into memory. */
export function chainPage(db: Db, chainId: number, afterSeq: number, size: number) {
  return db
    .selectFrom("audit_event")
    .selectAll()
    .where("chain_id", "=", chainId)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(size)
    .execute();
}

export function chainHead(db: Db, chainId: number) {
  return db.selectFrom("audit_chain").selectAll().where("chain_id", "=", chainId).executeTakeFirst();
}

export async function chainIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("audit_chain").select("chain_id").orderBy("chain_id").execute();
  return rows.map((r) => r.chain_id);
}

export async function countEvents(db: Db, chainId: number): Promise<number> {
  const row = await db
    .selectFrom("audit_event")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("chain_id", "=", chainId)
    .executeTakeFirstOrThrow();
  return row.n;
}
