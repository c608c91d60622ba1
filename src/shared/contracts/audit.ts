import { z } from "zod";

export const auditQuery = z.object({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  entityId: z.string().max(80).optional(),
  actorUserId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Keyset pagination: return events with seq below this one. */
  beforeSeq: z.coerce.number().int().positive().optional(),
});

export const auditEventDto = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  actorKind: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  comuneIstat: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: z.enum(["ok", "denied"]),
  ip: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditVerifyResponse = z.object({
  chainId: z.number().int(),
  events: z.number().int(),
  ok: z.boolean(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
