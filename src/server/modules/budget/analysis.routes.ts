import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { budgetDocumentParams } from "../../../shared/contracts/budget.ts";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requireScope } from "../../platform/auth/request-context.ts";
import { AppError } from "../../platform/errors.ts";
import { compareDto, compareQuery, coverageDto, coverageQuery, pivotDto, pivotQuery } from "./analysis.contracts.ts";
import { compare, compareTable, coverage, coverageTable, pivot, pivotTable } from "./analysis.service.ts";
import { findDocument, listChecks } from "./budget.repo.ts";
import { type ExportTable, tableCsv, tableXlsx } from "./exports.ts";
import { budgetReference, referenceDto } from "./reference.service.ts";

const tags = ["budget"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const access = { access: { permission: "budget:read" as const } };
const file = z.string().or(z.instanceof(Buffer));

async function send<T>(
  reply: FastifyReply,
  format: "json" | "csv" | "xlsx",
  data: T,
  table: (d: T) => ExportTable,
  name: string,
) {
  if (format === "csv")
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${name}.csv"`)
      .send(tableCsv(table(data)));
  if (format === "xlsx")
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="${name}.xlsx"`)
      .send(await tableXlsx(table(data)));
  return data;
}

/** Analysis of one budget document: pivot and drill-down, comparisons, coverage; CSV/XLSX exports. */
export async function analysisRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = "/api/ambiti/:ambito/budget/documents/:id";

  r.get(
    `${doc}/pivot`,
    {
      config: access,
      schema: {
        tags,
        summary:
          "Sums by settore, titolo, macroaggregato, piano dei conti level, missione or programma, or the lines (drill-down), with filters; forecast vs prior forecast vs prior actual; format=csv|xlsx exports",
        params: budgetDocumentParams,
        querystring: pivotQuery,
        response: { 200: pivotDto.or(file), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const data = await pivot(db, requireScope(request.scope).ambitoId, request.params.id, q);
      return send(reply, q.format, data, pivotTable, `bilancio-${request.params.id}-${q.side}-${q.rows}`);
    },
  );

  r.get(
    `${doc}/compare`,
    {
      config: access,
      schema: {
        tags,
        summary:
          "New, discontinued and unplanned lines (by capitolo/articolo/sub), within the document or against another",
        params: budgetDocumentParams,
        querystring: compareQuery,
        response: { 200: compareDto.or(file), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const data = await compare(db, requireScope(request.scope).ambitoId, request.params.id, q);
      return send(reply, q.format, data, compareTable, `bilancio-${request.params.id}-confronto-${q.side}`);
    },
  );

  r.get(
    `${doc}/coverage`,
    {
      config: access,
      schema: {
        tags,
        summary: "Restricted revenue vs restricted spending, and spending covered by own revenue, per settore",
        params: budgetDocumentParams,
        querystring: coverageQuery,
        response: { 200: coverageDto.or(file), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const data = await coverage(db, requireScope(request.scope).ambitoId, request.params.id, q.part);
      return send(reply, q.format, data, coverageTable, `bilancio-${request.params.id}-copertura-${q.part}`);
    },
  );

  r.get(
    `${doc}/checks`,
    {
      config: access,
      schema: {
        tags,
        summary: "The checks run when the document was imported (printed totals recomputed), with source lines",
        params: budgetDocumentParams,
        querystring: z.object({ failed: z.enum(["true", "false"]).optional() }),
        response: {
          200: z.array(
            z.object({
              seq: z.number().int(),
              name: z.string(),
              line: z.number().int().nullable(),
              expected: z.string(),
              found: z.string(),
              passed: z.boolean(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (request) => {
      const ambitoId = requireScope(request.scope).ambitoId;
      if (!(await findDocument(db, ambitoId, request.params.id)))
        throw new AppError("NOT_FOUND", `no budget document ${request.params.id} in this Ambito`);
      const checks = await listChecks(db, ambitoId, request.params.id);
      return request.query.failed === "true" ? checks.filter((c) => !c.passed) : checks;
    },
  );

  r.get(
    "/api/ambiti/:ambito/budget/reference",
    {
      config: access,
      schema: {
        tags,
        summary: "Current versions of the Missione/Programma and piano dei conti reference tables",
        params: ambitoParams,
        response: { 200: referenceDto, ...errors },
      },
    },
    async () => budgetReference(db),
  );
}
