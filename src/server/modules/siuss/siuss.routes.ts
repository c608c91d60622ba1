import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse, isoDate } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { permissionsIn } from "../../platform/auth/access.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import { AppError } from "../../platform/errors.ts";
import { findTenant, type Tenant } from "../../platform/tenancy.ts";
import { casesStats } from "../cases/stats.ts";
import { flowsQuery, flowsResponse, toFlowDto } from "./flows.contracts.ts";
import { listFlows } from "./flows.ts";
import { authenticateBearer } from "./siuss.auth.ts";
import { pullFlows, recordEsiti } from "./siuss.pull.ts";

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

const statsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    measure: z.enum(["cases", "interventions"]).default("cases"),
    by: z
      .string()
      .regex(
        /^(comune|area|service|period)(,(comune|area|service|period))*$/,
        "comma list of comune, area, service, period",
      )
      .default("comune"),
    granularity: z.enum(["year", "month"]).default("year"),
    audience: z.enum(["internal", "public"]).default("public"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });

const cell = z.object({
  key: z.record(z.string(), z.string()),
  people: z.number().int().nullable(),
  newCases: z.number().int().nullable().optional(),
  interventions: z.number().int().nullable().optional(),
  spendingCents: z.object({ comune: z.number(), user: z.number(), health: z.number() }).nullable().optional(),
  suppressed: z.boolean(),
});
const statsResponse = z.object({
  audience: z.enum(["internal", "public"]),
  threshold: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  measure: z.string(),
  by: z.array(z.string()),
  cells: z.array(cell),
  total: cell.omit({ key: true }),
});

/** The pull API's base path: api-comuni.yaml's paths under the Ambito. */
export const WAAS_BASE = "/api/ambiti/:ambito/siuss/waas/v1";

const problem = (reply: FastifyReply, status: number, title: string, detail?: string) =>
  reply
    .code(status)
    .type("application/problem+json")
    .send({ type: "about:blank", title, status, ...(detail ? { detail } : {}) });

const flussiQuery = z.object({
  since: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(0).max(100).default(10),
});
const esitiBody = z.object({
  elenco_esiti: z
    .array(
      z.object({
        id_flusso: z.string().min(1).max(64),
        tipo: z.string().min(1).max(20),
        ts_flusso: z.string().min(1).max(40),
        ts_acquisizione: z.string().min(1).max(40),
        codice_esito: z.enum(["OK", "DATI_NON_TROVATI", "RICHIESTA_INVALIDA", "ERRORE_GENERICO"]),
        descrizione_esito: z.string().max(4096).optional(),
        id_acquisizione_siuss: z.string().max(64).optional(),
      }),
    )
    .max(100),
});

export async function siussRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/ambiti/:ambito/cases/stats",
    {
      config: { access: { permission: "dashboards:read" } },
      schema: {
        tags: ["cases"],
        summary: "Aggregates of the Cartella for planning (no person data); audience=public suppresses counts under 5",
        params: ambitoParams,
        querystring: statsQuery,
        response: { 200: statsResponse, ...errors },
      },
    },
    async (request) => {
      const scope = requireScope(request.scope);
      const q = request.query;
      if (q.audience === "internal") {
        // Unsuppressed tables stay with the Ufficio di Piano (who also plans): never mayors or others.
        const perms = permissionsIn(requirePrincipal(request.principal).assignments, scope.ambitoId);
        if (!perms.includes("plan:write"))
          throw new AppError("FORBIDDEN", "Unsuppressed statistics are for the Ufficio di Piano only", [
            { path: "querystring.audience", message: "use audience=public" },
          ]);
      }
      const today = new Date().toISOString().slice(0, 10);
      const from = q.from ?? `${(q.to ?? today).slice(0, 4)}-01-01`;
      const to = q.to ?? today;
      if (from > to)
        throw new AppError("VALIDATION", "The period is empty", [{ path: "querystring.from", message: "after to" }]);
      const table = await casesStats(
        db,
        scope.ambitoId,
        { from, to, measure: q.measure, by: q.by.split(",") as never, granularity: q.granularity },
        q.audience,
      );
      return {
        audience: table.audience,
        threshold: table.threshold,
        from,
        to,
        measure: table.query.measure,
        by: table.query.by,
        cells: table.cells as z.infer<typeof cell>[],
        total: table.total,
      };
    },
  );

  r.get(
    "/api/ambiti/:ambito/siuss/flows",
    {
      config: { access: { permission: "siuss:export" } },
      schema: {
        tags: ["siuss"],
        summary: "Register of the SIUSS flows produced (export files and pull-API flows): hash, counts, outcome",
        params: ambitoParams,
        querystring: flowsQuery,
        response: { 200: flowsResponse, ...errors },
      },
    },
    async (request) => {
      const scope = requireScope(request.scope);
      const page = await listFlows(db, scope.ambitoId, request.query);
      return { total: page.total, items: page.items.map(toFlowDto) };
    },
  );

  // ---- the pull API INPS calls (api-comuni.yaml) ----
  // Declared public for the session layer: these calls carry no cookie but a bearer token, which
  // authorize() maps to the account's siuss:export scope (401/403 as problem+json, as the yaml says).
  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    const slug = (request.params as { ambito: string }).ambito;
    const tenant: Tenant | undefined = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? await findTenant(db, slug) : undefined;
    if (!tenant) {
      problem(reply, 404, "Not Found", "Unknown Ambito");
      return null;
    }
    const auth = await authenticateBearer(db, request.headers.authorization, tenant, request.ip);
    if (!auth.ok) {
      problem(reply, auth.status, auth.status === 401 ? "Unauthorized" : "Forbidden", auth.detail);
      return null;
    }
    return { tenant, auth };
  };

  r.get(
    `${WAAS_BASE}/flussi`,
    {
      config: { access: { public: true } },
      schema: { tags: ["siuss"], summary: "WaaS SIUSS: flows changed after `since` (bearer token with siuss:export)" },
    },
    async (request, reply) => {
      const ok = await authorize(request, reply);
      if (!ok) return reply;
      const parsed = flussiQuery.safeParse(request.query);
      if (!parsed.success)
        return problem(
          reply,
          400,
          "Bad Request",
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
      if (!ok.auth.fiscalCode)
        return problem(reply, 409, "Conflict", "The API account has no codice fiscale for Ente@CFOperatore");
      return pullFlows(db, ok.tenant.id, {
        sinceMs: parsed.data.since,
        limit: parsed.data.limit,
        operatorFiscalCode: ok.auth.fiscalCode,
        actorUserId: ok.auth.userId,
        apiToken: ok.auth.tokenRef,
        ip: request.ip,
      });
    },
  );

  r.post(
    `${WAAS_BASE}/esiti`,
    {
      config: { access: { public: true } },
      schema: { tags: ["siuss"], summary: "WaaS SIUSS: INPS notifies the outcome of acquired flows" },
    },
    async (request, reply) => {
      const ok = await authorize(request, reply);
      if (!ok) return reply;
      const parsed = esitiBody.safeParse(request.body);
      if (!parsed.success)
        return problem(
          reply,
          400,
          "Bad Request",
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
      await recordEsiti(db, ok.tenant.id, parsed.data.elenco_esiti, ok.auth.userId, request.ip);
      return reply.code(204).send();
    },
  );

  r.get(
    `${WAAS_BASE}/status`,
    {
      config: { access: { public: true } },
      schema: { tags: ["siuss"], summary: "WaaS SIUSS: health check (problem+json)", params: ambitoParams },
    },
    async (_request, reply) => problem(reply, 200, "OK", "Il servizio funziona correttamente"),
  );
}
