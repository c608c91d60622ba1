import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  budgetDocumentDto,
  budgetDocumentParams,
  budgetLineDto,
  budgetLinesQuery,
  budgetSummaryDto,
} from "../../../shared/contracts/budget.ts";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requireScope } from "../../platform/auth/request-context.ts";
import { analysisRoutes } from "./analysis.routes.ts";
import { budgetDocuments, budgetLines, budgetSummary } from "./budget.service.ts";
import { fundsRoutes } from "./funds.routes.ts";
import { importsRoutes } from "./imports.routes.ts";
import { lineLinksRoutes } from "./line-links.routes.ts";

const tags = ["budget"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const access = { access: { permission: "budget:read" as const } };

export async function budgetRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/ambiti/:ambito/budget/documents",
    {
      config: access,
      schema: {
        tags,
        summary: "Imported budget documents of the Ambito",
        params: ambitoParams,
        response: { 200: z.array(budgetDocumentDto), ...errors },
      },
    },
    async (request) => budgetDocuments(db, requireScope(request.scope).ambitoId),
  );

  r.get(
    "/api/ambiti/:ambito/budget/documents/:id/lines",
    {
      config: access,
      schema: {
        tags,
        summary: "Budget lines of a document (amounts in cents), filtered by section, settore, missione, programma",
        params: budgetDocumentParams,
        querystring: budgetLinesQuery,
        response: { 200: z.array(budgetLineDto), ...errors },
      },
    },
    async (request) => budgetLines(db, requireScope(request.scope).ambitoId, request.params.id, request.query),
  );

  r.get(
    "/api/ambiti/:ambito/budget/documents/:id/summary",
    {
      config: access,
      schema: {
        tags,
        summary: "Totals per section, settore, titolo, tipologia/macroaggregato and missione.programma (cents)",
        params: budgetDocumentParams,
        response: { 200: budgetSummaryDto, ...errors },
      },
    },
    async (request) => budgetSummary(db, requireScope(request.scope).ambitoId, request.params.id),
  );

  await fundsRoutes(app, deps);
  await analysisRoutes(app, deps);
  await lineLinksRoutes(app, deps);
  await importsRoutes(app, deps);
}
