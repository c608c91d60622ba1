import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Tenant } from "../../platform/tenancy.ts";
import { upsertGovernance } from "./content.repo.ts";
import type { EvaluationDoc, PlanDocument } from "./plan-document.ts";
import { type Actor, importPlan, loadPlan, monitorPlan } from "./planning.service.ts";

/**
 * The end-of-cycle sheet of DGR XII/2167 per general objective: what was stored, or a draft
 * prefilled from monitoring (achievement from weighted progress, problems from the alerts).
 */
export async function evaluationSheets(db: Db, tenant: Tenant, planId: number, asOf?: Date) {
  const { doc } = await loadPlan(db, tenant, planId);
  const end = asOf ?? new Date(Math.min(Date.now(), Date.UTC(doc.periodEnd, 11, 31)));
  const m = await monitorPlan(db, tenant, planId, end);
  return doc.objectives
    .filter((o) => o.level === "general")
    .map((o) => {
      const stored = doc.evaluations.find((e) => e.objective === o.code);
      const mon = m.objectives.find((x) => x.code === o.code);
      const alerts = m.alerts.filter((a) => a.objective === o.code);
      return {
        objective: o.code,
        title: o.title,
        macroArea: o.macroArea,
        specific: doc.objectives.filter((s) => s.parent === o.code).map((s) => ({ code: s.code, title: s.title })),
        budgetCents: o.budgetCents ?? null,
        stored: Boolean(stored),
        achievementPct: stored?.achievementPct ?? (mon?.progress == null ? null : Math.round(mon.progress * 100)),
        staff: stored?.staff ?? o.staff ?? null,
        staffAdequacy: stored?.staffAdequacy ?? null,
        budgetCoincidence: stored?.budgetCoincidence ?? null,
        problems:
          stored?.problems ??
          (alerts.length ? alerts.map((a) => `${a.code}: ${a.label} (${a.detail})`).join("; ") : null),
        needAnswered: stored?.needAnswered ?? null,
        continuity: stored?.continuity ?? (o.continuity == null ? null : o.continuity ? "SI" : "NO"),
        reproposed: stored?.reproposed ?? null,
        reproposedReasons: stored?.reproposedReasons ?? null,
        status: mon?.status ?? "no_data",
      };
    });
}

/**
 * Starts the next plan as a draft with the objectives the evaluation re-proposes (all general
 * objectives not marked "not re-proposed"), their specific objectives, macro-areas and indicators
 * without targets (targets belong to the new period).
 */
export async function carryOver(
  db: Db,
  tenant: Tenant,
  planId: number,
  next: { title: string; periodStart: number; periodEnd: number },
  actor: Actor,
) {
  const { doc } = await loadPlan(db, tenant, planId);
  if (next.periodStart <= doc.periodStart)
    throw new AppError("VALIDATION", "The next plan must start after this one", [
      { path: "body.periodStart", message: `must be after ${doc.periodStart}` },
    ]);
  const dropped = new Set(doc.evaluations.filter((e) => e.reproposed === false).map((e) => e.objective));
  const keep = new Set(
    doc.objectives
      .filter((o) => (o.level === "general" ? !dropped.has(o.code) : o.parent && !dropped.has(o.parent)))
      .map((o) => o.code),
  );
  const objectives = doc.objectives
    .filter((o) => keep.has(o.code))
    .map((o) => ({ ...o, continuity: true, leps: o.leps, budgetCents: null, timeline: null }));
  const areas = new Set(objectives.map((o) => o.macroArea));
  const nextDoc: PlanDocument = {
    format: "filiera-plan/1",
    ambito: tenant.slug,
    title: next.title,
    periodStart: next.periodStart,
    periodEnd: next.periodEnd,
    status: "draft",
    approval: null,
    previousPlan: { periodStart: doc.periodStart, title: doc.title },
    macroAreas: doc.macroAreas.filter((a) => areas.has(a.code)),
    pillars: doc.pillars,
    objectives,
    actions: [],
    indicators: doc.indicators.filter((i) => keep.has(i.objective)).map((i) => ({ ...i, targets: [] })),
    measurements: [],
    evaluations: [],
    leps: doc.leps.map((l) => ({ ...l, objectives: l.objectives.filter((o) => keep.has(o)) })),
    asstSheets: [],
    governance: { bodies: [], meetings: [] },
  };
  return importPlan(db, tenant, nextDoc, actor);
}

/** Stores one DGR XII/2167 sheet (end-of-cycle data: no new version of the plan). */
export async function saveEvaluation(db: Db, tenant: Tenant, planId: number, e: EvaluationDoc) {
  const { doc } = await loadPlan(db, tenant, planId);
  const o = doc.objectives.find((x) => x.code === e.objective);
  if (o?.level !== "general")
    throw new AppError("VALIDATION", "Evaluation sheets are per general objective", [
      { path: "params.code", message: `no general objective '${e.objective}' in this plan` },
    ]);
  const row = {
    achievement_pct: e.achievementPct ?? null,
    staff: e.staff ?? null,
    staff_adequacy: e.staffAdequacy ?? null,
    budget_coincidence: e.budgetCoincidence ?? null,
    problems: e.problems ?? null,
    need_answered: e.needAnswered ?? null,
    continuity: e.continuity ?? null,
    reproposed: e.reproposed ?? null,
    reproposed_reasons: e.reproposedReasons ?? null,
  };
  await db
    .insertInto("plan_evaluation")
    .values({ ambito_id: tenant.id, plan_id: planId, objective_code: e.objective, ...row })
    .onConflict((oc) => oc.columns(["ambito_id", "plan_id", "objective_code"]).doUpdateSet(row))
    .execute();
  return e;
}

export async function recordMeeting(
  db: Db,
  tenant: Tenant,
  m: { body: string; date: string; agenda: string; minutes?: string; decisions: string[]; attendees: string[] },
) {
  const body = await db
    .selectFrom("gov_body")
    .select("code")
    .where("ambito_id", "=", tenant.id)
    .where("code", "=", m.body)
    .executeTakeFirst();
  if (!body) throw new AppError("VALIDATION", "Unknown body", [{ path: "body.body", message: `no body '${m.body}'` }]);
  const members = new Set(
    (
      await db
        .selectFrom("gov_member")
        .select("code")
        .where("ambito_id", "=", tenant.id)
        .where("body_code", "=", m.body)
        .execute()
    ).map((x) => x.code),
  );
  const strangers = m.attendees.map((a, i) => [a, i] as const).filter(([a]) => !members.has(a));
  if (strangers.length)
    throw new AppError(
      "VALIDATION",
      "Attendees must be members of the body",
      strangers.map(([a, i]) => ({ path: `body.attendees.${i}`, message: `'${a}' is not a member of '${m.body}'` })),
    );
  await upsertGovernance(db, tenant.id, {
    bodies: [],
    meetings: [{ ...m, minutes: m.minutes ?? null }],
  });
  return m;
}
