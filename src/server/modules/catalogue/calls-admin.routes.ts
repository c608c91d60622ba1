import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requireScope } from "../../platform/auth/request-context.ts";
import { changeCallStatus, createCall, previewRules, updateCall } from "./calls.admin.ts";
import type { Caller } from "./calls.common.ts";
import {
  callAdminParams,
  callCreateBody,
  callEditBody,
  callStatusChange,
  rulesPreviewBody,
  rulesPreviewDto,
} from "./calls-admin.contracts.ts";
import { callDto } from "./catalogue.contracts.ts";
import type { Rule, ScoringRules } from "./rules/engine.ts";

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const caller = (request: FastifyRequest): Caller => ({ scope: requireScope(request.scope), ip: request.ip });

/**
 * The call editor. Writing a call is the Ambito publishing what it offers, like approving a listing,
 * so it needs `catalogue:approve` (Ufficio di Piano), not the reviewers' `calls:review`.
 * No personal data is read or written here.
 */
export async function callsAdminRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito/calls";
  const config = { access: { permission: "catalogue:approve" } } as const;
  const tags = ["calls"];
  r.post(
    base,
    {
      config,
      schema: {
        tags,
        summary: "Create a call (closed until opened)",
        params: ambitoParams,
        body: callCreateBody,
        response: { 201: callDto, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createCall(db, caller(request), request.body)),
  );
  r.route({
    method: "PUT",
    url: `${base}/:id`,
    config,
    schema: {
      tags,
      summary: "Edit a call (eligibility and scoring are locked once applications are submitted)",
      params: callAdminParams,
      body: callEditBody,
      response: { 200: callDto, ...errors },
    },
    handler: async (request) => updateCall(db, caller(request), request.params.id, request.body),
  });
  r.post(
    `${base}/:id/status`,
    {
      config,
      schema: {
        tags,
        summary: "Open (needs rules and a future deadline), pause or close a call",
        params: callAdminParams,
        body: callStatusChange,
        response: { 200: callDto, ...errors },
      },
    },
    async (request) => changeCallStatus(db, caller(request), request.params.id, request.body.status),
  );
  r.post(
    `${base}/rules-preview`,
    {
      config,
      schema: {
        tags,
        summary: "Check draft rules and apply them to example answers (nothing stored)",
        params: ambitoParams,
        body: rulesPreviewBody,
        response: { 200: rulesPreviewDto, ...errors },
      },
    },
    async (request) =>
      previewRules(request.body.eligibility as Rule[], request.body.scoring as ScoringRules, request.body.facts),
  );
}
