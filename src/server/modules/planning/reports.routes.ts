import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { notFound } from "../../platform/errors.ts";
import { indicatorsXlsx, planToXlsx } from "./plan-xlsx.ts";
import { loadPlan, monitorPlan } from "./planning.service.ts";
import { monitoringReport, objectiveSheet, planSheets, type ReportModel } from "./report-model.ts";
import { renderDocx, renderPdf } from "./report-render.ts";
import { asOfDate, sendFile, tenantOf } from "./route-helpers.ts";

const tags = ["planning"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const read = { access: { permission: "plan:read" as const } };
const planParams = z.object({ ambito: z.string().min(1).max(80), id: z.coerce.number().int().positive() });
const docFormat = z.object({ format: z.enum(["pdf", "docx"]).default("pdf"), asOf: z.iso.date().optional() });
const file = z.instanceof(Buffer).or(z.string());

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Downloads: reports (PDF/DOCX), the indicators workbook, and the plan export (JSON/XLSX). */
export async function planReportRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito/plans/:id";

  const render = async (model: ReportModel, format: "pdf" | "docx") =>
    format === "pdf" ? { type: PDF, data: await renderPdf(model) } : { type: DOCX, data: await renderDocx(model) };

  r.get(
    `${base}/report`,
    {
      config: read,
      schema: {
        tags,
        summary: "Yearly monitoring report for the Assemblea dei Sindaci (PDF or DOCX)",
        params: planParams,
        querystring: docFormat,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req);
      const { doc } = await loadPlan(db, tenant, req.params.id);
      const m = await monitorPlan(db, tenant, req.params.id, asOfDate(req.query));
      const out = await render(monitoringReport(tenant.name, doc, m), req.query.format);
      return sendFile(
        reply,
        out.type,
        `monitoraggio-${tenant.slug}-${doc.periodStart}.${req.query.format}`,
        out.data,
        req.query.format === "pdf",
      );
    },
  );
  r.get(
    `${base}/sheets`,
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's objective sheets in the regional layout (PDF or DOCX)",
        params: planParams,
        querystring: docFormat,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req);
      const { doc } = await loadPlan(db, tenant, req.params.id);
      const out = await render(planSheets(tenant.name, doc), req.query.format);
      return sendFile(
        reply,
        out.type,
        `piano-${tenant.slug}-${doc.periodStart}.${req.query.format}`,
        out.data,
        req.query.format === "pdf",
      );
    },
  );
  r.get(
    `${base}/objectives/:code/sheet`,
    {
      config: read,
      schema: {
        tags,
        summary: "One objective sheet (PDF or DOCX)",
        params: planParams.extend({ code: z.string().min(1).max(40) }),
        querystring: docFormat,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req);
      const { doc } = await loadPlan(db, tenant, req.params.id);
      const model = objectiveSheet(tenant.name, doc, req.params.code);
      if (!model) throw notFound("Objective");
      const out = await render(model, req.query.format);
      return sendFile(
        reply,
        out.type,
        `obiettivo-${req.params.code}.${req.query.format}`,
        out.data,
        req.query.format === "pdf",
      );
    },
  );
  r.get(
    `${base}/indicators.xlsx`,
    {
      config: read,
      schema: {
        tags,
        summary: "All indicators with targets, values and status (XLSX)",
        params: planParams,
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req);
      const { doc } = await loadPlan(db, tenant, req.params.id);
      const m = await monitorPlan(db, tenant, req.params.id);
      return sendFile(reply, XLSX, `indicatori-${tenant.slug}-${doc.periodStart}.xlsx`, await indicatorsXlsx(doc, m));
    },
  );
  r.get(
    `${base}/export`,
    {
      config: read,
      schema: {
        tags,
        summary: "The whole plan as a document (JSON or XLSX), importable again",
        params: planParams,
        querystring: z.object({ format: z.enum(["json", "xlsx"]).default("json") }),
        response: { 200: file, ...errors },
      },
    },
    async (req, reply) => {
      const tenant = tenantOf(req);
      const { doc } = await loadPlan(db, tenant, req.params.id);
      const name = `piano-${tenant.slug}-${doc.periodStart}`;
      if (req.query.format === "xlsx") return sendFile(reply, XLSX, `${name}.xlsx`, await planToXlsx(doc));
      return sendFile(reply, "application/json; charset=utf-8", `${name}.json`, JSON.stringify(doc, null, 2));
    },
  );
}
