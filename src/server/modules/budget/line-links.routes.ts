import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import {
  costQuery,
  createLineLinkBody,
  deleteLineLinkQuery,
  lineLinkDto,
  lineLinksDto,
  lineLinksQuery,
  targetCostDto,
} from "./line-links.contracts.ts";
import { addLineLink, costOfTarget, lineLinks, removeLineLink } from "./line-links.service.ts";

const tags = ["budget"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const read = { access: { permission: "budget:read" as const } };
const write = { access: { permission: "budget:write" as const } };

/** Budget lines linked to services and plan objectives, and what a service or objective costs. */
export async function lineLinksRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito/budget";

  r.get(
    `${base}/line-links`,
    {
      config: read,
      schema: {
        tags,
        summary: "What a spending line pays for",
        params: ambitoParams,
        querystring: lineLinksQuery,
        response: { 200: lineLinksDto, ...errors },
      },
    },
    async (request) => lineLinks(db, requireScope(request.scope).ambitoId, request.query.lineId),
  );

  r.post(
    `${base}/line-links`,
    {
      config: write,
      schema: {
        tags,
        summary: "Link a share of a spending line to a service or a plan objective",
        params: ambitoParams,
        body: createLineLinkBody,
        response: { 201: lineLinkDto, ...errors },
      },
    },
    async (request, reply) => {
      const userId = requirePrincipal(request.principal).userId;
      const link = await addLineLink(db, requireScope(request.scope).ambitoId, request.body, userId);
      reply.code(201);
      return link;
    },
  );

  r.delete(
    `${base}/line-links`,
    {
      config: write,
      schema: {
        tags,
        summary: "Remove a link between a spending line and a service or objective",
        params: ambitoParams,
        querystring: deleteLineLinkQuery,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const userId = requirePrincipal(request.principal).userId;
      await removeLineLink(db, requireScope(request.scope).ambitoId, request.query, userId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    `${base}/costs`,
    {
      config: read,
      schema: {
        tags,
        summary: "How much a service or a plan objective costs: funds allocated and budget lines linked",
        params: ambitoParams,
        querystring: costQuery,
        response: { 200: targetCostDto, ...errors },
      },
    },
    async (request) =>
      costOfTarget(db, requireScope(request.scope).ambitoId, request.query.targetKind, request.query.targetId),
  );
}
