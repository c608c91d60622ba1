import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import {
  discrepancyDto,
  profileDto,
  publishedDocument,
  publishedTableDto,
} from "../../../shared/contracts/observatory.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import { AppError } from "../../platform/errors.ts";
import { discrepanciesCsv, profileCsv, profileXlsx } from "./exports.ts";
import { ambitoComuni } from "./observatory.repo.ts";
import { checkPublished, computeProfile, getAgeStructure, listPublishedTables } from "./observatory.service.ts";
import { writePublished } from "./published.import.ts";
import { validatePublished } from "./published.validate.ts";

const tags = ["observatory"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const exportQuery = z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") });

export async function observatoryRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenantOf = (request: {
    scope: Parameters<typeof requireScope>[0];
    tenant: { id: number; slug: string; name: string; kind: "ambito" | "comune" } | null;
  }) => {
    requireScope(request.scope);
    if (!request.tenant) throw new Error("tenant not resolved");
    return request.tenant;
  };

  r.get(
    "/api/ambiti/:ambito/observatory/profile",
    {
      config: { access: { permission: "observatory:read" } },
      schema: {
        tags,
        summary: "Territorial profile: ISTAT indicators per Comune and for the Ambito (from summed counts), per year",
        params: ambitoParams,
        querystring: exportQuery,
        response: { 200: profileDto.or(z.string()).or(z.instanceof(Buffer)), ...errors },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const profile = await computeProfile(db, tenant);
      const file = `profilo-${tenant.slug}`;
      if (request.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${file}.csv"`)
          .send(profileCsv(profile, false));
      }
      if (request.query.format === "xlsx") {
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${file}.xlsx"`)
          .send(await profileXlsx(profile));
      }
      return profile;
    },
  );

  r.get(
    "/api/ambiti/:ambito/observatory/open-data.csv",
    {
      config: { access: { permission: "observatory:read" } },
      schema: {
        tags,
        summary: "Open-data export of the profile: values resting on fewer than 5 people are suppressed",
        params: ambitoParams,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const csv = profileCsv(await computeProfile(db, tenant), true);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="open-data-${tenant.slug}.csv"`)
        .send(csv);
    },
  );

  r.get(
    "/api/ambiti/:ambito/observatory/check",
    {
      config: { access: { permission: "observatory:read" } },
      schema: {
        tags,
        summary:
          "Checker of published figures: every total, mean, index and percentage that does not follow from the counts",
        params: ambitoParams,
        querystring: z.object({ format: z.enum(["json", "csv"]).default("json") }),
        response: { 200: z.object({ items: z.array(discrepancyDto) }).or(z.string()), ...errors },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request);
      const items = await checkPublished(db, tenant.id);
      if (request.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="verifica-${tenant.slug}.csv"`)
          .send(discrepanciesCsv(items));
      }
      return { items };
    },
  );

  r.get(
    "/api/ambiti/:ambito/observatory/age-structure",
    {
      config: { access: { permission: "observatory:read" } },
      schema: {
        tags,
        summary: "Population by age class (and sex when known) of a Comune or of the Ambito, for the pyramid",
        params: ambitoParams,
        querystring: z.object({
          territory: z.string().regex(/^(\d{6}|AMBITO)$/, "an ISTAT code or AMBITO"),
          year: z.coerce.number().int().min(1900).max(2200),
        }),
        response: {
          200: z.object({
            territory: z.string(),
            year: z.number().int(),
            classes: z.array(
              z.object({
                ageFrom: z.number().int(),
                ageTo: z.number().int().nullable(),
                total: z.number(),
                males: z.number().nullable(),
                females: z.number().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const result = await getAgeStructure(db, tenant.id, request.query.territory, request.query.year);
      if (!result) throw new AppError("NOT_FOUND", "This Comune is not part of the Ambito");
      return result;
    },
  );

  r.get(
    "/api/ambiti/:ambito/observatory/tables",
    {
      config: { access: { permission: "observatory:read" } },
      schema: {
        tags,
        summary: "The published tables entered for the Ambito, as printed",
        params: ambitoParams,
        response: { 200: z.array(publishedTableDto), ...errors },
      },
    },
    async (request) => listPublishedTables(db, tenantOf(request).id),
  );

  r.post(
    "/api/ambiti/:ambito/observatory/published",
    {
      config: { access: { permission: "observatory:write" } },
      schema: {
        tags,
        summary: "Enter published tables (a plan's statistics as printed) so the checker can verify them",
        params: ambitoParams,
        querystring: z.object({
          replace: z.coerce.boolean().default(false),
          dryRun: z.coerce.boolean().default(false),
        }),
        body: publishedDocument,
        response: {
          200: z.object({
            dryRun: z.boolean(),
            tables: z.number().int(),
            counts: z.number().int(),
            replaced: z.boolean(),
          }),
          409: errorResponse,
          ...errors,
        },
      },
    },
    async (request) => {
      const tenant = tenantOf(request);
      const checked = validatePublished(request.body, await ambitoComuni(db, tenant.id));
      if (!checked.ok) {
        throw new AppError(
          "VALIDATION",
          "The tables have problems: nothing was written",
          checked.problems.map((p) => ({
            path: p.where,
            message: p.line ? `${p.message} (line ${p.line})` : p.message,
          })),
        );
      }
      if (request.query.dryRun)
        return { dryRun: true, tables: checked.value.doc.tables.length, counts: 0, replaced: false };
      const result = await writePublished(db, tenant.id, checked.value, {
        origin: "api",
        userId: requirePrincipal(request.principal).userId,
        replace: request.query.replace,
      });
      if (!result) throw new AppError("CONFLICT", "This document was already entered: pass replace=true to replace it");
      return { dryRun: false, tables: result.tables, counts: result.counts, replaced: result.replaced };
    },
  );
}
