import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";

/** OIDC login (SPID/CIE gateways): registered only when OIDC_ISSUER is configured. */
export async function oidcRoutes(_app: FastifyInstance, deps: AppDeps) {
  if (!deps.config.oidc) return;
}
