import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields that a hash covers, in a fixed order; `details` keys are sorted (jsonb reorders them). */
export interface HashedFields {
  chain_id: number;
  seq: number;
  ambito_id: number | null;
  at: Date;
  actor_user_id: number | null;
  actor_kind: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  comune_istat: string | null;
  purpose: string | null;
  outcome: string;
  ip: string | null;
  details: unknown;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function eventHash(prevHash: string, e: HashedFields): string {
  const payload = JSON.stringify([
    e.chain_id,
    e.seq,
    e.ambito_id,
    e.at.toISOString(),
    e.actor_user_id,
    e.actor_kind,
    e.action,
    e.entity_type,
    e.entity_id,
    e.comune_istat,
    e.purpose,
    e.outcome,
    e.ip,
    canonical(e.details ?? {}),
  ]);
  return createHash("sha256").update(prevHash).update(payload).digest("hex");
}
