import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { SOURCES } from "./computed-sources.ts";
import { readGovernance } from "./document.repo.ts";
import { carryOver, evaluationSheets, recordMeeting, saveEvaluation } from "./evaluation.service.ts";
import { evaluationDoc } from "./plan-document.ts";
import { planEditRoutes } from "./plan-edit.routes.ts";
import { etagOf } from "./plan-edit.ts";
import { planUploadRoutes } from "./plan-upload.routes.ts";
import * as svc from "./planning.service.ts";
import { planReportRoutes } from "./reports.routes.ts";
import { actorOf, asOfDate, tenantOf } from "./route-helpers.ts";

const tags = ["planning"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const read = { access: { permission: "plan:read" as const } };
const write = { access: { permission: "plan:write" as const } };
const planParams = ambitoParams.extend({ id: z.coerce.number().int().positive() });
const codeParams = planParams.extend({ code: z.string().min(1).max(40) });
const asOfQuery = z.object({ asOf: z.iso.date().optional() });
const any = z.any();

export async function planningRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito";

  r.get(
    `${base}/plans`,
    {
      config: read,
      schema: {
        tags,
        summary: "Plans of the Ambito (Piani di Zona)",
        params: ambitoParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.listPlans(db, tenantOf(req)),
  );
  r.post(
    `${base}/plans/import`,
    {
      config: write,
      schema: {
        tags,
        summary:
          "Import a plan document (JSON): all or nothing; an approved plan with the same period and title gets a new version",
        params: ambitoParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.importPlan(db, tenantOf(req), req.body, actorOf(req)),
  );
  r.get(
    `${base}/plans/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: "A plan as its document, with its etag (for If-Match on edits)",
        params: planParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => {
      const { row, doc } = await svc.loadPlan(db, tenantOf(req), req.params.id);
      return { id: row.id, etag: etagOf(row.updated_at), ...doc };
    },
  );
  r.get(
    `${base}/plans/:id/versions`,
    {
      config: read,
      schema: {
        tags,
        summary: "Archived versions of a plan changed after approval",
        params: planParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.planVersions(db, tenantOf(req), req.params.id),
  );
  r.get(
    `${base}/plans/:id/versions/:version`,
    {
      config: read,
      schema: {
        tags,
        summary: "One archived version",
        params: planParams.extend({ version: z.coerce.number().int().positive() }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.planVersion(db, tenantOf(req), req.params.id, req.params.version),
  );
  r.post(
    `${base}/plans/:id/transition`,
    {
      config: write,
      schema: {
        tags,
        summary:
          "Move a plan on: draft → approved (act and date of the Assemblea dei Sindaci) → in_execution → evaluated",
        params: planParams,
        body: z.object({
          to: z.enum(["approved", "in_execution", "evaluated"]),
          act: z.string().trim().min(1).max(500).optional(),
          date: z.iso.date().optional(),
        }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.transitionPlan(db, tenantOf(req), req.params.id, req.body.to, req.body, actorOf(req)),
  );
  r.patch(
    `${base}/plans/:id/actions/:code/status`,
    {
      config: write,
      schema: {
        tags,
        summary: "Record an action's progress (execution data: no new version)",
        params: codeParams,
        body: z.object({ status: z.enum(["planned", "in_progress", "done", "cancelled"]) }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.updateActionStatus(db, tenantOf(req), req.params.id, req.params.code, req.body.status),
  );
  r.post(
    `${base}/plans/:id/measurements`,
    {
      config: write,
      schema: {
        tags,
        summary: "Record a measured value of a manual indicator, with its evidence",
        params: planParams,
        body: z.object({
          indicator: z.string().min(1).max(40),
          year: z.number().int().min(2000).max(2100),
          value: z.number(),
          unit: z.enum(["count", "percent", "eur", "yes_no", "text"]).optional(),
          evidence: z.string().trim().max(2000).optional(),
        }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return svc.addMeasurement(
        db,
        tenantOf(req),
        req.params.id,
        { ...req.body, method: "manual", measuredBy: actor.name },
        actor,
      );
    },
  );
  r.post(
    `${base}/plans/:id/recompute`,
    {
      config: write,
      schema: {
        tags,
        summary: "Store the computed indicators' current values as measurements",
        params: planParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.recomputePlan(db, tenantOf(req), req.params.id),
  );
  r.get(
    `${base}/plans/:id/monitoring`,
    {
      config: read,
      schema: {
        tags,
        summary: "Progress per objective and plan (weighted), status and alerts; computed indicators live",
        params: planParams,
        querystring: asOfQuery,
        response: { 200: any, ...errors },
      },
    },
    async (req) => svc.monitorPlan(db, tenantOf(req), req.params.id, asOfDate(req.query)),
  );
  r.get(
    `${base}/plans/:id/evaluation`,
    {
      config: read,
      schema: {
        tags,
        summary: "DGR XII/2167 evaluation sheets, stored or prefilled from monitoring",
        params: planParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => evaluationSheets(db, tenantOf(req), req.params.id),
  );
  r.put(
    `${base}/plans/:id/evaluations/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: "Store the DGR XII/2167 evaluation sheet of a general objective",
        params: codeParams,
        body: evaluationDoc.omit({ objective: true }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => saveEvaluation(db, tenantOf(req), req.params.id, { ...req.body, objective: req.params.code }),
  );
  r.post(
    `${base}/plans/:id/carry-over`,
    {
      config: write,
      schema: {
        tags,
        summary: "Start the next plan as a draft with the re-proposed objectives",
        params: planParams,
        body: z.object({
          title: z.string().trim().min(1).max(300),
          periodStart: z.number().int().min(2000).max(2100),
          periodEnd: z.number().int().min(2000).max(2100),
        }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => carryOver(db, tenantOf(req), req.params.id, req.body, actorOf(req)),
  );
  r.get(
    `${base}/planning/leps`,
    {
      config: read,
      schema: {
        tags,
        summary: "The national LEPS reference list",
        params: ambitoParams,
        response: { 200: any, ...errors },
      },
    },
    async () => svc.lepsList(db),
  );
  r.get(
    `${base}/planning/sources`,
    {
      config: read,
      schema: {
        tags,
        summary: "Registered queries a computed indicator can use",
        params: ambitoParams,
        response: { 200: any, ...errors },
      },
    },
    async () => SOURCES.map((s) => ({ key: s.key, label: s.label, unit: s.unit })),
  );
  r.get(
    `${base}/governance`,
    {
      config: read,
      schema: {
        tags,
        summary: "Governance bodies, members and meetings",
        params: ambitoParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => readGovernance(db, tenantOf(req).id, 2000, 2100),
  );
  r.post(
    `${base}/governance/meetings`,
    {
      config: write,
      schema: {
        tags,
        summary: "Record a meeting: agenda, attendance (members), minutes and decisions",
        params: ambitoParams,
        body: z.object({
          body: z.string().min(1).max(40),
          date: z.iso.date(),
          agenda: z.string().trim().min(1).max(5000),
          minutes: z.string().trim().max(20000).optional(),
          decisions: z.array(z.string().trim().min(1).max(2000)).default([]),
          attendees: z.array(z.string().min(1).max(40)).default([]),
        }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => recordMeeting(db, tenantOf(req), req.body),
  );
  await planEditRoutes(app, deps);
  await planUploadRoutes(app, deps);
  await planReportRoutes(app, deps);
}
