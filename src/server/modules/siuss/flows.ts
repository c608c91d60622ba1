import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import type { FlowKind } from "./records.ts";
import type { SiussEsito } from "./schema.ts";

/**
 * The register of flows produced for INPS (`siuss_flow`): one row per export file or pull-API
 * flow, with who produced it, how many records, the SHA-256 of the exact XML and the validation
 * outcome; INPS's esito is filled in when it arrives (pull API only: the web upload answers on the
 * INPS portal). No XML and no personal data here: the hash proves what was sent.
 */
export interface FlowOrigin {
  userId: number | null;
  actorKind: "user" | "cli" | "system";
  /** Pull API: the first 12 hex characters of the token's hash (the session table's key). */
  apiToken?: string | null;
}

export interface FlowRecord {
  flowId: string;
  kind: FlowKind;
  channel: "file" | "api";
  period: { from: string; to: string } | null;
  records: number;
  /** SHA-256 (hex) and size of the exact XML bytes: see `digest`. */
  sha256: string;
  sizeBytes: number;
  valid: boolean;
  validationErrors?: number;
}

/** Hash and size of a flow, taken when it is built so the XML need not be held until recorded. */
export const digest = (xml: string) => {
  const bytes = Buffer.from(xml, "utf8");
  return { sha256: createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.length };
};

export async function recordFlows(db: Db, ambitoId: number, origin: FlowOrigin, flows: FlowRecord[]) {
  for (let i = 0; i < flows.length; i += 500) {
    await db
      .insertInto("siuss_flow")
      .values(
        flows.slice(i, i + 500).map((f) => ({
          ambito_id: ambitoId,
          flow_id: f.flowId,
          kind: f.kind,
          channel: f.channel,
          period_from: f.period?.from ?? null,
          period_to: f.period?.to ?? null,
          generated_by: origin.userId,
          actor_kind: origin.actorKind,
          api_token: origin.apiToken ?? null,
          records: f.records,
          size_bytes: f.sizeBytes,
          sha256: f.sha256,
          validation: f.valid ? ("valid" as const) : ("invalid" as const),
          validation_errors: f.validationErrors ?? 0,
        })),
      )
      .execute();
  }
}

/** INPS's outcome on the pull-API flows with this id (a flow pulled twice is the same content). */
export async function recordFlowEsito(
  db: Db,
  ambitoId: number,
  e: { flowId: string; esito: SiussEsito; acquiredAt: string; acquisitionId: string | null },
): Promise<number> {
  const res = await db
    .updateTable("siuss_flow")
    .set({
      esito: e.esito,
      esito_acquired_at: e.acquiredAt,
      esito_received_at: new Date(),
      siuss_acquisition_id: e.acquisitionId,
    })
    .where("ambito_id", "=", ambitoId)
    .where("flow_id", "=", e.flowId)
    .where("channel", "=", "api")
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export interface FlowFilter {
  kind?: FlowKind;
  channel?: "file" | "api";
  esito?: SiussEsito | "none";
  limit: number;
  offset: number;
}

/** Newest first, with the producer's display name (an account, not a person in care). */
export async function listFlows(db: Db, ambitoId: number, f: FlowFilter) {
  let q = db
    .selectFrom("siuss_flow as f")
    .leftJoin("app_user as u", "u.id", "f.generated_by")
    .where("f.ambito_id", "=", ambitoId);
  if (f.kind) q = q.where("f.kind", "=", f.kind);
  if (f.channel) q = q.where("f.channel", "=", f.channel);
  if (f.esito === "none") q = q.where("f.esito", "is", null);
  else if (f.esito) q = q.where("f.esito", "=", f.esito);
  const rows = await q
    .select([
      "f.id",
      "f.flow_id",
      "f.kind",
      "f.channel",
      "f.period_from",
      "f.period_to",
      "f.generated_at",
      "f.generated_by",
      "u.display_name as generated_by_name",
      "f.actor_kind",
      "f.api_token",
      "f.records",
      "f.size_bytes",
      "f.sha256",
      "f.validation",
      "f.validation_errors",
      "f.esito",
      "f.esito_acquired_at",
      "f.esito_received_at",
      "f.siuss_acquisition_id",
    ])
    .select((eb) => eb.fn.countAll<number>().over().as("total"))
    .orderBy("f.generated_at", "desc")
    .orderBy("f.id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows, total: Number(rows[0]?.total ?? 0) };
}
