import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { AppDeps } from "../app.ts";
import { migrationNames } from "../db/migrate.ts";

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/health",
    {
      config: { access: { public: true } },
      schema: { tags: ["operations"], summary: "Liveness", response: { 200: z.object({ status: z.literal("ok") }) } },
    },
    async () => ({ status: "ok" as const }),
  );
  r.get(
    "/api/ready",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["operations"],
        summary: "Readiness: database reachable and migrated",
        response: {
          200: z.object({ status: z.literal("ready"), database: z.string(), migrations: z.number().int() }),
          503: z.object({ status: z.literal("unavailable"), reason: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(deps.db);
        const applied = new Set(rows.rows.map((r) => r.name));
        const missing = migrationNames.filter((n) => !applied.has(n));
        if (missing.length)
          return reply.code(503).send({ status: "unavailable" as const, reason: "migrations pending" });
        return { status: "ready" as const, database: deps.dbKind, migrations: applied.size };
      } catch {
        return reply.code(503).send({ status: "unavailable" as const, reason: "database unreachable" });
      }
    },
  );
}
