import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse, isoDate } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import {
  createAllocationBody,
  createAssignmentBody,
  createdDto,
  createMovementBody,
  fundAssignmentDetailDto,
  fundAssignmentParams,
  fundsOverviewDto,
  fundsQuery,
} from "./funds.contracts.ts";
import { addAllocation, addMovement, createAssignment, fundAssignmentDetail, fundsOverview } from "./funds.service.ts";

const tags = ["budget"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const read = { access: { permission: "budget:read" as const } };
const write = { access: { permission: "budget:write" as const } };

/** Funds of the Ambito (FNPS, FSR, FNA, Fondo Povertà, PNRR, …): assignments, movements, allocations. */
export async function fundsRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito/budget/funds";

  r.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: "Fund assignments with committed, paid, allocated totals, status and alerts (cents)",
        params: ambitoParams,
        querystring: fundsQuery,
        response: { 200: fundsOverviewDto, ...errors },
      },
    },
    async (request) => fundsOverview(db, requireScope(request.scope).ambitoId, request.query),
  );

  r.get(
    `${base}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: "One assignment: balance, commitments and payments, what it pays for",
        params: fundAssignmentParams,
        querystring: z.object({ asOf: isoDate.optional() }),
        response: { 200: fundAssignmentDetailDto, ...errors },
      },
    },
    async (request) =>
      fundAssignmentDetail(db, requireScope(request.scope).ambitoId, request.params.id, request.query.asOf),
  );

  r.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: "Record a yearly assignment of a fund",
        params: ambitoParams,
        body: createAssignmentBody,
        response: { 201: createdDto, ...errors },
      },
    },
    async (request, reply) => {
      const actor = { userId: requirePrincipal(request.principal).userId };
      reply.code(201);
      return createAssignment(db, requireScope(request.scope).ambitoId, request.body, actor);
    },
  );

  r.post(
    `${base}/:id/movements`,
    {
      config: write,
      schema: {
        tags,
        summary: "Record a commitment or a payment against an assignment",
        params: fundAssignmentParams,
        body: createMovementBody,
        response: { 201: createdDto, ...errors },
      },
    },
    async (request, reply) => {
      const actor = { userId: requirePrincipal(request.principal).userId };
      reply.code(201);
      return addMovement(db, requireScope(request.scope).ambitoId, request.params.id, request.body, actor);
    },
  );

  r.post(
    `${base}/:id/allocations`,
    {
      config: write,
      schema: {
        tags,
        summary: "Say what an assignment pays for: a service, a plan objective or a budget line, with a share",
        params: fundAssignmentParams,
        body: createAllocationBody,
        response: { 201: createdDto, ...errors },
      },
    },
    async (request, reply) => {
      const actor = { userId: requirePrincipal(request.principal).userId };
      reply.code(201);
      return addAllocation(db, requireScope(request.scope).ambitoId, request.params.id, request.body, actor);
    },
  );
}
