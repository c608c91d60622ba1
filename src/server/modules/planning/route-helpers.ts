import type { FastifyReply, FastifyRequest } from "fastify";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import type { Actor } from "./planning.service.ts";

/** Small helpers shared by the planning routes. */
export function tenantOf(request: FastifyRequest) {
  requireScope(request.scope);
  if (!request.tenant) throw new Error("tenant not resolved");
  return request.tenant;
}

export function actorOf(request: FastifyRequest): Actor {
  const p = requirePrincipal(request.principal);
  return { userId: p.userId, kind: "user", name: p.displayName };
}

export const asOfDate = (q: { asOf?: string }) => (q.asOf ? new Date(`${q.asOf}T12:00:00Z`) : new Date());

export function sendFile(reply: FastifyReply, type: string, name: string, data: Buffer | string, inline = false) {
  return reply
    .type(type)
    .header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${name}"`)
    .send(data);
}
