import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEventDto, auditQuery, auditVerifyResponse } from "../../../shared/contracts/audit.ts";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { listAuditEvents, PLATFORM_CHAIN, verifyChain } from "../../platform/audit/audit.service.ts";
import { requireScope } from "../../platform/auth/request-context.ts";

const tags = ["audit"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const listResponse = z.object({ items: z.array(auditEventDto) });

type Row = Awaited<ReturnType<typeof listAuditEvents>>[number];
const toDto = (e: Row) => ({
  seq: e.seq,
  at: new Date(e.at).toISOString(),
  actorUserId: e.actor_user_id,
  actorUsername: e.username,
  actorKind: e.actor_kind,
  action: e.action,
  entityType: e.entity_type,
  entityId: e.entity_id,
  comuneIstat: e.comune_istat,
  purpose: e.purpose,
  outcome: e.outcome,
  ip: e.ip,
});

export async function auditRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/ambiti/:ambito/audit",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags,
        summary: "The Ambito's audit log, newest first (keyset paging with beforeSeq)",
        params: ambitoParams,
        querystring: auditQuery,
        response: { 200: listResponse, ...errors },
      },
    },
    async (request) => {
      const rows = await listAuditEvents(db, { ...request.query, chainId: requireScope(request.scope).ambitoId });
      return { items: rows.map(toDto) };
    },
  );

  r.get(
    "/api/ambiti/:ambito/audit/verify",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags,
        summary: "Recompute the Ambito's hash chain",
        params: ambitoParams,
        response: { 200: auditVerifyResponse, ...errors },
      },
    },
    async (request) => verifyChain(db, requireScope(request.scope).ambitoId),
  );

  r.get(
    "/api/audit",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags,
        summary: "Platform audit log (logins, platform administration); system administrators",
        querystring: auditQuery,
        response: { 200: listResponse, ...errors },
      },
    },
    async (request) => ({
      items: (await listAuditEvents(db, { ...request.query, chainId: PLATFORM_CHAIN })).map(toDto),
    }),
  );
}
