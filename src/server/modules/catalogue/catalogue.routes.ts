import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.ts";
import { backOfficeRoutes } from "./backoffice.routes.ts";
import { callsAdminRoutes } from "./calls-admin.routes.ts";
import { publicRoutes } from "./public.routes.ts";

/** Offerta e accesso: the public portal API (rate-limited) and the authenticated routes. */
export async function catalogueRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await publicRoutes(app, deps);
  await backOfficeRoutes(app, deps);
  await callsAdminRoutes(app, deps);
}
