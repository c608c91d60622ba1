import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import { ambitoDetail, ambitoSummary, comuneDto, comuniSearchQuery } from "../../../shared/contracts/territory.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import { getAmbitoDetail, listAmbitiFor, searchComuni } from "./territory.service.ts";

const tags = ["territory"];

export async function territoryRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/ambiti",
    {
      config: { access: { authenticated: true } },
      schema: { tags, summary: "The Ambiti the user may enter", response: { 200: z.array(ambitoSummary) } },
    },
    async (request) => {
      const p = requirePrincipal(request.principal);
      const global = p.assignments.some((a) => a.ambito_id === null);
      const ids = p.assignments.map((a) => a.ambito_id).filter((id): id is number => id !== null);
      return listAmbitiFor(db, global ? "all" : [...new Set(ids)]);
    },
  );

  r.get(
    "/api/ambiti/:ambito",
    {
      config: { access: { permission: "territory:read" } },
      schema: {
        tags,
        summary: "An Ambito with its Region, ATS, ASST, Comuni, Municipi, teams and organisations",
        params: ambitoParams,
        response: { 200: ambitoDetail, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => getAmbitoDetail(db, requireScope(request.scope).ambitoId),
  );

  r.get(
    "/api/comuni",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: "Search the reference list of Lombardy Comuni by name",
        querystring: comuniSearchQuery,
        response: { 200: z.array(comuneDto), 400: errorResponse },
      },
    },
    async (request) => searchComuni(db, request.query.q, request.query.limit),
  );
}
