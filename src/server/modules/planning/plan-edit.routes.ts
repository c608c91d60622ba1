import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { actionDoc, indicatorDoc, objectiveDoc, type PlanDocument } from "./plan-document.ts";
import { deleteAction, deleteIndicator, deleteObjective, type ItemList, upsertItem } from "./plan-edit.ts";
import { editPlan } from "./planning.service.ts";
import { actorOf, tenantOf } from "./route-helpers.ts";

/**
 * Editing a plan item by item (the editor pages). Every write is versioned after approval and
 * honours `If-Match: <etag>` (from GET plans/:id): a stale editor gets 409, not a silent overwrite.
 */
const tags = ["planning"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const write = { access: { permission: "plan:write" as const } };
const codeParams = ambitoParams.extend({ id: z.coerce.number().int().positive(), code: z.string().min(1).max(40) });
const any = z.any();
const IF_MATCH = "Send If-Match with the plan's etag to be refused (409) when someone else changed it meanwhile.";

const ifMatchOf = (req: FastifyRequest) => {
  const h = req.headers["if-match"];
  return typeof h === "string" && h.trim() ? h.trim().replace(/^W\//, "").replace(/^"|"$/g, "") : undefined;
};

export async function planEditRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito/plans/:id";
  type Params = z.infer<typeof codeParams>;
  const apply = (req: FastifyRequest, params: Params, edit: (d: PlanDocument) => PlanDocument, list: ItemList) =>
    editPlan(db, tenantOf(req), params.id, edit, actorOf(req), {
      ifMatch: ifMatchOf(req),
      focus: { list, code: params.code },
    });

  r.put(
    `${base}/objectives/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: `Create or replace an objective (a new version if the plan was approved). ${IF_MATCH}`,
        params: codeParams,
        body: objectiveDoc.omit({ code: true }),
        response: { 200: any, ...errors },
      },
    },
    async (req) =>
      apply(req, req.params, upsertItem("objectives", { ...req.body, code: req.params.code }), "objectives"),
  );
  r.put(
    `${base}/indicators/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: `Create or replace an indicator with its targets per year (versioned after approval). ${IF_MATCH}`,
        params: codeParams,
        body: indicatorDoc.omit({ code: true }),
        response: { 200: any, ...errors },
      },
    },
    async (req) =>
      apply(req, req.params, upsertItem("indicators", { ...req.body, code: req.params.code }), "indicators"),
  );
  r.put(
    `${base}/actions/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: `Create or replace an action (versioned after approval). ${IF_MATCH}`,
        params: codeParams,
        body: actionDoc.omit({ code: true }),
        response: { 200: any, ...errors },
      },
    },
    async (req) => apply(req, req.params, upsertItem("actions", { ...req.body, code: req.params.code }), "actions"),
  );
  r.delete(
    `${base}/objectives/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: `Delete an objective without specific objectives, indicators or actions (409 otherwise). ${IF_MATCH}`,
        params: codeParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => apply(req, req.params, deleteObjective(req.params.code), "objectives"),
  );
  r.delete(
    `${base}/indicators/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: `Delete an indicator with its targets and measurements (versioned after approval). ${IF_MATCH}`,
        params: codeParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => apply(req, req.params, deleteIndicator(req.params.code), "indicators"),
  );
  r.delete(
    `${base}/actions/:code`,
    {
      config: write,
      schema: {
        tags,
        summary: `Delete an action (versioned after approval). ${IF_MATCH}`,
        params: codeParams,
        response: { 200: any, ...errors },
      },
    },
    async (req) => apply(req, req.params, deleteAction(req.params.code), "actions"),
  );
}
