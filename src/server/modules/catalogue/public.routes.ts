import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, ambitoSlug, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { AppError } from "../../platform/errors.ts";
import { publicRanking } from "./calls.ranking.ts";
import { checkEligibility, getPublicCall, listPublicCalls, lookupReceipt } from "./calls.service.ts";
import {
  callDto,
  callParams,
  checkBody,
  evaluationDto,
  fitBody,
  fitResponse,
  rankingDto,
  searchQuery,
  searchResponse,
  serviceDto,
  serviceParams,
  statusLookupDto,
} from "./catalogue.contracts.ts";
import { getPublicService, searchPublic, suggestServices } from "./catalogue.service.ts";

/** Requests per minute and address on the public portal API; receipt lookups are stricter (guessing). */
export const PUBLIC_RATE_LIMIT = { max: 120, receiptMax: 20, timeWindow: 60_000 };

const tags = ["portal"];
const errors = { 400: errorResponse, 404: errorResponse, 429: errorResponse };
const open = { access: { public: true } } as const;

/**
 * The citizen portal's API: no login, nothing about applicants (a receipt code shows its own
 * application only). Registered in its own encapsulated scope so the rate limit applies here only.
 */
export async function publicRoutes(parent: FastifyInstance, { db }: AppDeps) {
  await parent.register(async (app) => {
    await app.register(rateLimit, {
      max: PUBLIC_RATE_LIMIT.max,
      timeWindow: PUBLIC_RATE_LIMIT.timeWindow,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        new AppError("RATE_LIMITED", `Too many requests: retry in ${Math.ceil(context.ttl / 1000)} s`, undefined, {
          "retry-after": String(Math.ceil(context.ttl / 1000)),
        }),
    });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      "/api/public/ambiti",
      {
        config: open,
        schema: {
          tags,
          summary: "Ambiti with a public catalogue",
          response: { 200: z.array(z.object({ slug: z.string(), name: z.string(), services: z.number() })), ...errors },
        },
      },
      async () => {
        const rows = await db
          .selectFrom("ambito as a")
          .innerJoin("cat_service as s", "s.ambito_id", "a.id")
          .select(["a.slug", "a.name", (eb) => eb.fn.countAll<number>().as("services")])
          .where("s.status", "=", "approved")
          .groupBy(["a.slug", "a.name"])
          .orderBy("a.name")
          .execute();
        return rows.map((a) => ({ ...a, services: Number(a.services) }));
      },
    );

    r.get(
      "/api/public/comuni",
      {
        config: open,
        schema: {
          tags,
          summary: "Comuni of an Ambito (for the place filter)",
          querystring: z.object({ ambito: ambitoSlug }),
          response: { 200: z.array(z.object({ istat: z.string(), name: z.string() })), ...errors },
        },
      },
      async (request) =>
        db
          .selectFrom("ambito_comune as ac")
          .innerJoin("ambito as a", "a.id", "ac.ambito_id")
          .innerJoin("comune as c", "c.istat_code", "ac.comune_istat")
          .select(["c.istat_code as istat", "c.name"])
          .where("a.slug", "=", request.query.ambito)
          .orderBy("c.name")
          .execute(),
    );

    r.get(
      "/api/public/services",
      {
        config: open,
        schema: {
          tags,
          summary: "Search approved services by keyword (Italian full text), area, place and age",
          querystring: searchQuery,
          response: { 200: searchResponse, ...errors },
        },
      },
      async (request) => searchPublic(db, request.query),
    );

    r.get(
      "/api/public/services/:ambito/:id",
      {
        config: open,
        schema: {
          tags,
          summary: "One approved service",
          params: serviceParams,
          response: { 200: serviceDto, ...errors },
        },
      },
      async (request) => getPublicService(db, request.params.ambito, request.params.id),
    );

    r.post(
      "/api/public/fit",
      {
        config: open,
        schema: {
          tags,
          summary: "Which services and open calls may fit, from a few answers (not stored)",
          body: fitBody,
          response: { 200: fitResponse, ...errors },
        },
      },
      async (request) => suggestServices(db, request.body),
    );

    r.get(
      "/api/public/calls/:ambito",
      {
        config: open,
        schema: {
          tags,
          summary: "The Ambito's calls",
          params: ambitoParams,
          response: { 200: z.array(callDto), ...errors },
        },
      },
      async (request) => listPublicCalls(db, request.params.ambito),
    );

    r.get(
      "/api/public/calls/:ambito/:code",
      {
        config: open,
        schema: { tags, summary: "One call with its rules", params: callParams, response: { 200: callDto, ...errors } },
      },
      async (request) => getPublicCall(db, request.params.ambito, request.params.code),
    );

    r.post(
      "/api/public/calls/:ambito/:code/check",
      {
        config: open,
        schema: {
          tags,
          summary: "Self-check against the call's rules (answers not stored)",
          params: callParams,
          body: checkBody,
          response: { 200: evaluationDto, ...errors },
        },
      },
      async (request) => checkEligibility(db, request.params.ambito, request.params.code, request.body.facts),
    );

    r.get(
      "/api/public/calls/:ambito/:code/ranking",
      {
        config: open,
        schema: {
          tags,
          summary: "The published ranking, pseudonymised",
          params: callParams,
          response: { 200: rankingDto, ...errors },
        },
      },
      async (request) => publicRanking(db, request.params.ambito, request.params.code),
    );

    r.get(
      "/api/public/receipts/:code",
      {
        config: { ...open, rateLimit: { max: PUBLIC_RATE_LIMIT.receiptMax, timeWindow: PUBLIC_RATE_LIMIT.timeWindow } },
        schema: {
          tags,
          summary: "Status of an application by its receipt code (no login)",
          params: z.object({ code: z.string().regex(/^[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/) }),
          response: { 200: statusLookupDto, ...errors },
        },
      },
      async (request) => lookupReceipt(db, request.params.code),
    );
  });
}
