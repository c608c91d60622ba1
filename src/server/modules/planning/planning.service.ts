import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError, type FieldError, notFound } from "../../platform/errors.ts";
import type { Tenant } from "../../platform/tenancy.ts";
import { newContext, QUERY_KEYS, SOURCE_BY_KEY } from "./computed-sources.ts";
import { replaceContent } from "./content.repo.ts";
import { findPlanRow, type PlanRow, readPlanDocument } from "./document.repo.ts";
import { computeMonitoring, type Monitoring, type ValueTable } from "./monitoring.ts";
import * as repo from "./plan.repo.ts";
import { type MeasurementDoc, type PlanDocument, planDocument } from "./plan-document.ts";
import { etagOf, type Focus, focusFields } from "./plan-edit.ts";
import { checkPlanDocument, unitProblem } from "./plan-validate.ts";

/** Who acts: a user id (API) or null (CLI, seed), for the audit trail and version archive. */
export interface Actor {
  userId: number | null;
  kind: "user" | "cli" | "system";
  name: string;
}

const zodFields = (e: z.ZodError, prefix = ""): FieldError[] =>
  e.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join("."), message: i.message }));

/** Parses and checks a plan document; throws VALIDATION with every problem and its path. */
export async function validateDocument(db: Db, input: unknown): Promise<PlanDocument> {
  const parsed = planDocument.safeParse(input);
  if (!parsed.success)
    throw new AppError("VALIDATION", "The plan document has invalid fields", zodFields(parsed.error));
  const leps = new Set((await repo.lepsCodes(db)).map((l) => l.code));
  const errors = checkPlanDocument(parsed.data, { lepsCodes: leps, queryKeys: QUERY_KEYS });
  if (errors.length) throw new AppError("VALIDATION", `The plan document has ${errors.length} problem(s)`, errors);
  return parsed.data;
}

export async function loadPlan(db: Db, tenant: Tenant, planId: number): Promise<{ row: PlanRow; doc: PlanDocument }> {
  const row = await findPlanRow(db, tenant.id, planId);
  if (!row) throw notFound("Plan");
  return { row, doc: await readPlanDocument(db, tenant.id, row, tenant.slug) };
}

export const listPlans = (db: Db, tenant: Tenant) =>
  repo
    .listPlanRows(db, tenant.id)
    .then((rows) => rows.map((r) => ({ ...r, objectives: Number(r.objectives), indicators: Number(r.indicators) })));

/**
 * Writes a whole document over a stored plan. A plan that is no longer a draft keeps its current
 * state as an archived version and becomes a new draft version awaiting approval.
 */
async function writeOver(trx: Db, tenant: Tenant, row: PlanRow, doc: PlanDocument, actor: Actor): Promise<number> {
  let version = row.version;
  let header: Partial<repo.PlanHeader> = { title: doc.title, period_end: doc.periodEnd };
  if (row.status !== "draft") {
    const old = await readPlanDocument(trx, tenant.id, row, tenant.slug);
    const { version: v, status, approval_act, approval_date } = row;
    await repo.archiveVersion(
      trx,
      tenant.id,
      row.id,
      { version: v, status, approval_act, approval_date },
      old,
      actor.userId,
    );
    version = row.version + 1;
    header = { ...header, version, status: "draft", approval_act: null, approval_date: null };
  }
  await repo.updatePlan(trx, tenant.id, row.id, header);
  await replaceContent(trx, tenant.id, row.id, doc);
  return version;
}

async function audit(trx: Db, tenant: Tenant, actor: Actor, action: string, planId: number, details = {}) {
  await recordAudit(trx, {
    ambitoId: tenant.id,
    actorUserId: actor.userId,
    actorKind: actor.kind === "system" ? "system" : actor.kind,
    action,
    entityType: "plan",
    entityId: String(planId),
    details,
  });
}

/**
 * Imports a plan document: all or nothing. The same period and title update that plan (a new
 * version when it was approved); otherwise a new plan is created.
 */
export async function importPlan(db: Db, tenant: Tenant, input: unknown, actor: Actor) {
  const doc = await validateDocument(db, input);
  if (doc.ambito !== tenant.slug)
    throw new AppError("VALIDATION", "The document belongs to another Ambito", [
      { path: "ambito", message: `expected '${tenant.slug}', found '${doc.ambito}'` },
    ]);
  let previousId: number | null = null;
  if (doc.previousPlan) {
    const prev = await repo.findPlanByKey(db, tenant.id, doc.previousPlan.periodStart, doc.previousPlan.title);
    if (!prev)
      throw new AppError("VALIDATION", "The previous plan is not in this Ambito", [
        { path: "previousPlan", message: `no plan '${doc.previousPlan.title}' from ${doc.previousPlan.periodStart}` },
      ]);
    previousId = prev.id;
  }
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findPlanByKey(trx, tenant.id, doc.periodStart, doc.title);
    if (existing) {
      const version = await writeOver(trx, tenant, existing, doc, actor);
      await audit(trx, tenant, actor, "plan.import", existing.id, { version });
      return { id: existing.id, version, created: false };
    }
    const id = await repo.insertPlan(trx, tenant.id, {
      title: doc.title,
      period_start: doc.periodStart,
      period_end: doc.periodEnd,
      status: doc.status,
      version: doc.version ?? 1,
      approval_act: doc.approval?.act ?? null,
      approval_date: doc.approval?.date ?? null,
      previous_plan_id: previousId,
    });
    await replaceContent(trx, tenant.id, id, doc);
    await audit(trx, tenant, actor, "plan.import", id, { version: doc.version ?? 1 });
    return { id, version: doc.version ?? 1, created: true };
  });
}

/**
 * Applies an edit to the document of a plan, checks the result whole, and stores it (versioned).
 * `ifMatch` (the plan's etag as the editor read it) refuses an edit made over someone else's:
 * 409 instead of silently overwriting. `focus` names the edited item so its problems come back
 * as the body's fields.
 */
export async function editPlan(
  db: Db,
  tenant: Tenant,
  planId: number,
  edit: (doc: PlanDocument) => PlanDocument,
  actor: Actor,
  opts: { ifMatch?: string; focus?: Focus } = {},
) {
  const { row, doc } = await loadPlan(db, tenant, planId);
  const conflict = (current: PlanRow) => {
    if (opts.ifMatch && opts.ifMatch !== etagOf(current.updated_at))
      throw new AppError(
        "CONFLICT",
        "The plan was changed by someone else after you opened it: reload it and make your change again",
        [{ path: "headers.if-match", message: `the plan's current etag is ${etagOf(current.updated_at)}` }],
      );
  };
  conflict(row);
  const edited = edit(structuredClone(doc));
  let next: PlanDocument;
  try {
    next = await validateDocument(db, edited);
  } catch (e) {
    if (opts.focus && e instanceof AppError && e.fields)
      throw new AppError(e.code, e.message, focusFields(e.fields, edited, opts.focus));
    throw e;
  }
  return db.transaction().execute(async (trx) => {
    const current = await findPlanRow(trx, tenant.id, planId);
    if (!current) throw notFound("Plan");
    conflict(current);
    const version = await writeOver(trx, tenant, current, next, actor);
    await audit(trx, tenant, actor, "plan.edit", planId, { version });
    const after = await findPlanRow(trx, tenant.id, planId);
    return { id: planId, version, status: "draft" as const, etag: etagOf(after?.updated_at ?? new Date()) };
  });
}

const NEXT: Record<string, string> = { draft: "approved", approved: "in_execution", in_execution: "evaluated" };

export async function transitionPlan(
  db: Db,
  tenant: Tenant,
  planId: number,
  to: "approved" | "in_execution" | "evaluated",
  approval: { act?: string; date?: string },
  actor: Actor,
) {
  const row = await findPlanRow(db, tenant.id, planId);
  if (!row) throw notFound("Plan");
  if (NEXT[row.status] !== to)
    throw new AppError("VALIDATION", `A ${row.status} plan cannot become ${to}`, [
      { path: "body.to", message: `from ${row.status} the next status is ${NEXT[row.status] ?? "none"}` },
    ]);
  if (to === "approved" && (!approval.act || !approval.date))
    throw new AppError("VALIDATION", "Approval needs the act of the Assemblea dei Sindaci and its date", [
      ...(approval.act ? [] : [{ path: "body.act", message: "required to approve" }]),
      ...(approval.date ? [] : [{ path: "body.date", message: "required to approve" }]),
    ]);
  await db.transaction().execute(async (trx) => {
    await repo.updatePlan(
      trx,
      tenant.id,
      planId,
      to === "approved" ? { status: to, approval_act: approval.act, approval_date: approval.date } : { status: to },
    );
    await audit(trx, tenant, actor, `plan.${to}`, planId);
  });
  return { id: planId, status: to };
}

/** A measurement is execution data: stored without making a new version. */
export async function addMeasurement(db: Db, tenant: Tenant, planId: number, m: MeasurementDoc, actor: Actor) {
  const { doc } = await loadPlan(db, tenant, planId);
  const ind = doc.indicators.find((i) => i.code === m.indicator);
  if (!ind)
    throw new AppError("VALIDATION", "Unknown indicator", [
      { path: "body.indicator", message: `no indicator '${m.indicator}' in this plan` },
    ]);
  const fields: FieldError[] = [];
  if (m.year < doc.periodStart || m.year > doc.periodEnd)
    fields.push({
      path: "body.year",
      message: `${m.year} is outside the plan period ${doc.periodStart}-${doc.periodEnd}`,
    });
  const problem = unitProblem(ind.unit, m.value, m.unit);
  if (problem) fields.push({ path: m.unit && m.unit !== ind.unit ? "body.unit" : "body.value", message: problem });
  if (ind.source === "computed")
    fields.push({ path: "body.indicator", message: "this indicator is computed from Filiera's data" });
  if (fields.length) throw new AppError("VALIDATION", "The measurement is not valid for this indicator", fields);
  await db.transaction().execute(async (trx) => {
    await repo.upsertMeasurements(trx, tenant.id, planId, [
      {
        indicator_code: m.indicator,
        year: m.year,
        value: m.value,
        method: "manual",
        query_key: null,
        evidence: m.evidence ?? null,
        measured_by: actor.name,
      },
    ]);
    await audit(trx, tenant, actor, "plan.measurement", planId, { indicator: m.indicator, year: m.year });
  });
  return { indicator: m.indicator, year: m.year, value: m.value };
}

export async function updateActionStatus(
  db: Db,
  tenant: Tenant,
  planId: number,
  code: string,
  status: "planned" | "in_progress" | "done" | "cancelled",
) {
  if (!(await repo.setActionStatus(db, tenant.id, planId, code, status))) throw notFound("Action");
  return { code, status };
}

/** Live values of the computed indicators for every year of the period up to `asOf`. */
export async function computedValues(db: Db, tenantId: number, doc: PlanDocument, asOf: Date, ctx = newContext()) {
  const out: ValueTable = new Map();
  const last = Math.min(doc.periodEnd, asOf.getUTCFullYear());
  for (const ind of doc.indicators) {
    const source = ind.queryKey ? SOURCE_BY_KEY.get(ind.queryKey) : undefined;
    if (!source) continue;
    const years = new Map<number, number>();
    for (let y = doc.periodStart; y <= last; y++) {
      // Memoised per run: plans of one Ambito that use the same query share one computation.
      const key = `value:${source.key}:${tenantId}:${y}`;
      let pending = ctx.memo.get(key) as Promise<number | null> | undefined;
      if (!pending) {
        pending = source.compute(db, tenantId, y, ctx);
        ctx.memo.set(key, pending);
      }
      const v = await pending;
      if (v !== null) years.set(y, v);
    }
    out.set(ind.code, years);
  }
  return out;
}

export function measuredValues(doc: PlanDocument): ValueTable {
  const out: ValueTable = new Map();
  for (const m of doc.measurements) {
    const years = out.get(m.indicator) ?? new Map<number, number>();
    years.set(m.year, m.value);
    out.set(m.indicator, years);
  }
  return out;
}

export async function monitorPlan(
  db: Db,
  tenant: Tenant,
  planId: number,
  asOf = new Date(),
): Promise<Monitoring & { plan: { id: number; title: string; status: string; version: number } }> {
  const { row, doc } = await loadPlan(db, tenant, planId);
  const values = measuredValues(doc);
  for (const [code, years] of await computedValues(db, tenant.id, doc, asOf)) values.set(code, years);
  return {
    plan: { id: row.id, title: row.title, status: row.status, version: row.version },
    ...computeMonitoring(doc, values, asOf),
  };
}

/** Stores the computed indicators' current values as measurements (who: filiera, how: the query key). */
export async function recomputePlan(db: Db, tenant: Tenant, planId: number, asOf = new Date(), ctx = newContext()) {
  const { doc } = await loadPlan(db, tenant, planId);
  const values = await computedValues(db, tenant.id, doc, asOf, ctx);
  const rows: repo.MeasurementRow[] = [];
  for (const [code, years] of values) {
    const key = doc.indicators.find((i) => i.code === code)?.queryKey ?? null;
    for (const [year, value] of years)
      rows.push({
        indicator_code: code,
        year,
        value,
        method: "computed",
        query_key: key,
        evidence: null,
        measured_by: "filiera",
      });
  }
  await repo.upsertMeasurements(db, tenant.id, planId, rows);
  return { indicators: values.size, values: rows.length };
}

/** Recomputes every plan of the Ambito in one run, each distinct query and year computed once. */
export async function recomputeAmbito(db: Db, tenant: Tenant, asOf = new Date()) {
  const ctx = newContext();
  let values = 0;
  const plans = await repo.listPlanRows(db, tenant.id);
  for (const p of plans) values += (await recomputePlan(db, tenant, p.id, asOf, ctx)).values;
  return { plans: plans.length, values };
}

export const planVersions = (db: Db, tenant: Tenant, planId: number) => repo.listVersions(db, tenant.id, planId);

export async function planVersion(db: Db, tenant: Tenant, planId: number, version: number) {
  const v = await repo.findVersion(db, tenant.id, planId, version);
  if (!v) throw notFound("Plan version");
  return v.document as PlanDocument;
}

export const lepsList = (db: Db) => repo.lepsCodes(db);
