import type { Db } from "../../db/database.ts";
import type { PlanDocument } from "./plan-document.ts";

/** Writing and reading a plan's content as a whole document (codes are the keys). */

const CONTENT_TABLES = [
  "plan_measurement",
  "plan_indicator_target",
  "plan_evaluation",
  "plan_indicator",
  "plan_action",
  "plan_leps_status",
  "plan_asst_sheet",
  "plan_objective",
  "plan_pillar",
  "plan_macro_area",
] as const;

const cents = (n: number | null | undefined) => (n === undefined ? null : n);
const nn = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Replaces every content row of the plan (children first) with the document's. */
export async function replaceContent(trx: Db, ambitoId: number, planId: number, doc: PlanDocument): Promise<void> {
  for (const t of CONTENT_TABLES) {
    await trx.deleteFrom(t).where("ambito_id", "=", ambitoId).where("plan_id", "=", planId).execute();
  }
  const k = { ambito_id: ambitoId, plan_id: planId };
  const insert = async <R>(table: (typeof CONTENT_TABLES)[number], rows: R[]) => {
    // Batches stay far below PGlite's bind-parameter limit.
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto(table)
        // biome-ignore lint/suspicious/noExplicitAny: rows are built per table just above
        .values(rows.slice(i, i + 200) as any)
        .execute();
    }
  };
  await insert(
    "plan_macro_area",
    doc.macroAreas.map((m, seq) => ({ ...k, code: m.code, title: m.title, seq })),
  );
  await insert(
    "plan_pillar",
    doc.pillars.map((p) => ({ ...k, code: p.code, title: p.title })),
  );
  // General objectives first: specific ones are checked against them by the validator, not by FK.
  await insert(
    "plan_objective",
    doc.objectives.map((o, seq) => ({
      ...k,
      code: o.code,
      macro_area_code: o.macroArea,
      parent_code: nn(o.parent),
      seq,
      level: o.level,
      kind: nn(o.kind),
      title: o.title,
      need: nn(o.need),
      target_group: nn(o.targetGroup),
      actions_summary: nn(o.actionsSummary),
      staff: nn(o.staff),
      budget_cents: cents(o.budgetCents),
      funding_source: nn(o.fundingSource),
      timeline: nn(o.timeline),
      partners: nn(o.partners),
      leps_codes: o.leps,
      pillar_codes: o.pillars,
      policy_areas: o.policyAreas,
      key_points: o.keyPoints,
      asst_in_analysis: nn(o.asstInAnalysis),
      asst_in_delivery: nn(o.asstInDelivery),
      other_ambiti: nn(o.otherAmbiti),
      continuity: nn(o.continuity),
      premial_continuity: nn(o.premialContinuity),
      co_programmed: nn(o.coProgrammed),
      co_designed: nn(o.coDesigned),
      third_sector_involvement: nn(o.thirdSectorInvolvement),
      other_actors: nn(o.otherActors),
      new_need: nn(o.newNeed),
      intervention_type: nn(o.interventionType),
      innovative: nn(o.innovative),
      digital: nn(o.digital),
      weight: o.weight,
    })),
  );
  await insert(
    "plan_action",
    doc.actions.map((a) => ({
      ...k,
      code: a.code,
      objective_code: a.objective,
      title: a.title,
      owner: nn(a.owner),
      start_date: nn(a.start),
      end_date: nn(a.end),
      status: a.status,
    })),
  );
  await insert(
    "plan_indicator",
    doc.indicators.map((x, seq) => ({
      ...k,
      code: x.code,
      objective_code: x.objective,
      seq,
      type: x.type,
      label: x.label,
      unit: x.unit,
      direction: x.direction,
      baseline: nn(x.baseline),
      source: x.source,
      query_key: nn(x.queryKey),
      weight: x.weight,
    })),
  );
  await insert(
    "plan_indicator_target",
    doc.indicators.flatMap((x) =>
      x.targets.map((t) => ({ ...k, indicator_code: x.code, year: t.year, value: t.value })),
    ),
  );
  await insert(
    "plan_measurement",
    doc.measurements.map((m) => ({
      ...k,
      indicator_code: m.indicator,
      year: m.year,
      value: m.value,
      method: m.method,
      query_key:
        m.method === "computed" ? (doc.indicators.find((i) => i.code === m.indicator)?.queryKey ?? null) : null,
      evidence: nn(m.evidence),
      measured_by: m.measuredBy,
      measured_at: m.measuredAt ?? new Date(),
    })),
  );
  await insert(
    "plan_evaluation",
    doc.evaluations.map((e) => ({
      ...k,
      objective_code: e.objective,
      achievement_pct: nn(e.achievementPct),
      staff: nn(e.staff),
      staff_adequacy: nn(e.staffAdequacy),
      budget_coincidence: nn(e.budgetCoincidence),
      problems: nn(e.problems),
      need_answered: nn(e.needAnswered),
      continuity: nn(e.continuity),
      reproposed: nn(e.reproposed),
      reproposed_reasons: nn(e.reproposedReasons),
    })),
  );
  await insert(
    "plan_leps_status",
    doc.leps.map((l) => ({
      ...k,
      leps_code: l.leps,
      status: l.status,
      note: nn(l.note),
      objective_codes: l.objectives,
    })),
  );
  await insert(
    "plan_asst_sheet",
    doc.asstSheets.map((s) => ({
      ...k,
      code: s.code,
      title: s.title,
      goal: nn(s.goal),
      problems: nn(s.problems),
      matrix: s.matrix,
      target_group: nn(s.targetGroup),
      description: nn(s.description),
      level: nn(s.level),
      actors: nn(s.actors),
      integration: nn(s.integration),
      resources: nn(s.resources),
      in_pdz: nn(s.inPdz),
      start_year: nn(s.startYear),
      end_year: nn(s.endYear),
      output_indicator: nn(s.outputIndicator),
      outcome_indicator: nn(s.outcomeIndicator),
    })),
  );
  await upsertGovernance(trx, ambitoId, doc.governance);
}

/** Bodies belong to the Ambito: an import updates the ones it names and leaves the others. */
export async function upsertGovernance(trx: Db, ambitoId: number, gov: PlanDocument["governance"]): Promise<void> {
  for (const b of gov.bodies) {
    await trx
      .insertInto("gov_body")
      .values({ ambito_id: ambitoId, code: b.code, kind: b.kind, name: b.name })
      .onConflict((oc) => oc.columns(["ambito_id", "code"]).doUpdateSet({ kind: b.kind, name: b.name }))
      .execute();
    await trx.deleteFrom("gov_member").where("ambito_id", "=", ambitoId).where("body_code", "=", b.code).execute();
    if (b.members.length)
      await trx
        .insertInto("gov_member")
        .values(
          b.members.map((m) => ({
            ambito_id: ambitoId,
            body_code: b.code,
            code: m.code,
            name: m.name,
            organisation: m.organisation,
            role: nn(m.role),
            third_sector: m.thirdSector,
          })),
        )
        .execute();
  }
  for (const m of gov.meetings) {
    const row = {
      agenda: m.agenda,
      minutes: nn(m.minutes),
      decisions: m.decisions,
      attendees: m.attendees,
    };
    await trx
      .insertInto("gov_meeting")
      .values({ ambito_id: ambitoId, body_code: m.body, held_on: m.date, ...row })
      .onConflict((oc) => oc.columns(["ambito_id", "body_code", "held_on"]).doUpdateSet(row))
      .execute();
  }
}
