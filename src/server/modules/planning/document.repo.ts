import type { Db } from "../../db/database.ts";
import type { PlanDocument } from "./plan-document.ts";

/** Reads a stored plan back into its document form (what export writes and import reads). */

const num = (v: string | null) => (v === null ? null : Number(v));
const plain = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;

export function findPlanRow(db: Db, ambitoId: number, planId: number) {
  return db
    .selectFrom("plan")
    .selectAll()
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", planId)
    .executeTakeFirst();
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanRow>>>;

export async function readPlanDocument(db: Db, ambitoId: number, plan: PlanRow, slug: string): Promise<PlanDocument> {
  const k = (t: "plan_macro_area" | "plan_pillar" | "plan_objective" | "plan_action" | "plan_indicator") =>
    db.selectFrom(t).selectAll().where("ambito_id", "=", ambitoId).where("plan_id", "=", plan.id);
  const [areas, pillars, objectives, actions, indicators] = await Promise.all([
    k("plan_macro_area").orderBy("seq").execute(),
    k("plan_pillar").orderBy("code").execute(),
    k("plan_objective").orderBy("seq").execute(),
    k("plan_action").orderBy("code").execute(),
    k("plan_indicator").orderBy("seq").execute(),
  ]);
  const [targets, measurements, evaluations, leps, asst] = await Promise.all([
    db
      .selectFrom("plan_indicator_target")
      .selectAll()
      .where("ambito_id", "=", ambitoId)
      .where("plan_id", "=", plan.id)
      .orderBy("year")
      .execute(),
    db
      .selectFrom("plan_measurement")
      .selectAll()
      .where("ambito_id", "=", ambitoId)
      .where("plan_id", "=", plan.id)
      .orderBy("indicator_code")
      .orderBy("year")
      .execute(),
    db
      .selectFrom("plan_evaluation")
      .selectAll()
      .where("ambito_id", "=", ambitoId)
      .where("plan_id", "=", plan.id)
      .orderBy("objective_code")
      .execute(),
    db
      .selectFrom("plan_leps_status")
      .selectAll()
      .where("ambito_id", "=", ambitoId)
      .where("plan_id", "=", plan.id)
      .orderBy("leps_code")
      .execute(),
    db
      .selectFrom("plan_asst_sheet")
      .selectAll()
      .where("ambito_id", "=", ambitoId)
      .where("plan_id", "=", plan.id)
      .orderBy("code")
      .execute(),
  ]);
  const previous = plan.previous_plan_id ? await findPlanRow(db, ambitoId, plan.previous_plan_id) : undefined;
  const governance = await readGovernance(db, ambitoId, plan.period_start, plan.period_end);
  return {
    format: "filiera-plan/1",
    ambito: slug,
    title: plan.title,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    status: plan.status,
    version: plan.version,
    approval: plan.approval_act && plan.approval_date ? { act: plan.approval_act, date: plan.approval_date } : null,
    previousPlan: previous ? { periodStart: previous.period_start, title: previous.title } : null,
    macroAreas: areas.map((a) => ({ code: a.code, title: a.title })),
    pillars: pillars.map((p) => ({ code: p.code, title: p.title })),
    objectives: objectives.map((o) => ({
      ...plain({
        code: o.code,
        macroArea: o.macro_area_code,
        parent: o.parent_code,
        level: o.level,
        kind: o.kind,
        title: o.title,
        need: o.need,
        targetGroup: o.target_group,
        actionsSummary: o.actions_summary,
        staff: o.staff,
        budgetCents: o.budget_cents,
        fundingSource: o.funding_source,
        timeline: o.timeline,
        partners: o.partners,
        asstInAnalysis: o.asst_in_analysis,
        asstInDelivery: o.asst_in_delivery,
        otherAmbiti: o.other_ambiti,
        continuity: o.continuity,
        premialContinuity: o.premial_continuity,
        coProgrammed: o.co_programmed,
        coDesigned: o.co_designed,
        thirdSectorInvolvement: o.third_sector_involvement,
        otherActors: o.other_actors,
        newNeed: o.new_need,
        interventionType: o.intervention_type,
        innovative: o.innovative,
        digital: o.digital,
      }),
      leps: o.leps_codes,
      pillars: o.pillar_codes,
      policyAreas: o.policy_areas,
      keyPoints: o.key_points,
      weight: Number(o.weight),
    })),
    actions: actions.map((a) => ({
      ...plain({
        code: a.code,
        objective: a.objective_code,
        title: a.title,
        owner: a.owner,
        start: a.start_date,
        end: a.end_date,
      }),
      status: a.status,
    })),
    indicators: indicators.map((x) => ({
      ...plain({
        code: x.code,
        objective: x.objective_code,
        type: x.type,
        label: x.label,
        unit: x.unit,
        direction: x.direction,
        baseline: num(x.baseline),
        source: x.source,
        queryKey: x.query_key,
      }),
      weight: Number(x.weight),
      targets: targets
        .filter((t) => t.indicator_code === x.code)
        .map((t) => ({ year: t.year, value: Number(t.value) })),
    })),
    measurements: measurements.map((m) => ({
      ...plain({
        indicator: m.indicator_code,
        year: m.year,
        value: Number(m.value),
        method: m.method,
        evidence: m.evidence,
      }),
      measuredBy: m.measured_by,
      measuredAt: new Date(m.measured_at).toISOString(),
    })),
    evaluations: evaluations.map((e) =>
      plain({
        objective: e.objective_code,
        achievementPct: num(e.achievement_pct),
        staff: e.staff,
        staffAdequacy: e.staff_adequacy,
        budgetCoincidence: e.budget_coincidence,
        problems: e.problems,
        needAnswered: e.need_answered,
        continuity: e.continuity,
        reproposed: e.reproposed,
        reproposedReasons: e.reproposed_reasons,
      }),
    ),
    leps: leps.map((l) => ({
      ...plain({ leps: l.leps_code, status: l.status, note: l.note }),
      objectives: l.objective_codes,
    })),
    asstSheets: asst.map((s) => ({
      ...plain({
        code: s.code,
        title: s.title,
        goal: s.goal,
        problems: s.problems,
        targetGroup: s.target_group,
        description: s.description,
        level: s.level,
        actors: s.actors,
        integration: s.integration,
        resources: s.resources,
        inPdz: s.in_pdz,
        startYear: s.start_year,
        endYear: s.end_year,
        outputIndicator: s.output_indicator,
        outcomeIndicator: s.outcome_indicator,
      }),
      matrix: s.matrix,
    })),
    governance,
  };
}

/** The Ambito's bodies with members, and their meetings held within the given years. */
export async function readGovernance(db: Db, ambitoId: number, fromYear: number, toYear: number) {
  const [bodies, members, meetings] = await Promise.all([
    db.selectFrom("gov_body").selectAll().where("ambito_id", "=", ambitoId).orderBy("code").execute(),
    db.selectFrom("gov_member").selectAll().where("ambito_id", "=", ambitoId).orderBy("code").execute(),
    db
      .selectFrom("gov_meeting")
      .selectAll()
      .where("ambito_id", "=", ambitoId)
      .where("held_on", ">=", `${fromYear}-01-01`)
      .where("held_on", "<=", `${toYear}-12-31`)
      .orderBy("held_on")
      .execute(),
  ]);
  return {
    bodies: bodies.map((b) => ({
      code: b.code,
      kind: b.kind,
      name: b.name,
      members: members
        .filter((m) => m.body_code === b.code)
        .map((m) => ({
          ...plain({ code: m.code, name: m.name, organisation: m.organisation, role: m.role }),
          thirdSector: m.third_sector,
        })),
    })),
    meetings: meetings.map((m) => ({
      ...plain({ body: m.body_code, date: m.held_on, agenda: m.agenda, minutes: m.minutes }),
      decisions: m.decisions,
      attendees: m.attendees,
    })),
  };
}
