import type { FieldError } from "../../platform/errors.ts";
import type { PlanDocument } from "./plan-document.ts";

/** What a plan document may refer to outside itself. */
export interface ReferenceData {
  lepsCodes: ReadonlySet<string>;
  queryKeys: ReadonlySet<string>;
}

const UNIT_LABEL = { count: "n.", percent: "%", eur: "€", yes_no: "sì/no (1/0)", text: "testo" } as const;

/** Checks a value against an indicator's unit; null when fine. */
export function unitProblem(unit: keyof typeof UNIT_LABEL, value: number, stated?: string): string | null {
  if (stated && stated !== unit) return `unit '${stated}' does not match the indicator's unit '${unit}'`;
  if (unit === "percent" && (value < 0 || value > 100)) return "a percentage must be between 0 and 100";
  if (unit === "yes_no" && value !== 0 && value !== 1) return "a yes/no indicator takes 1 (yes) or 0 (no)";
  if ((unit === "count" || unit === "eur") && value < 0) return "must not be negative";
  return null;
}

/**
 * Every cross-reference and rule zod cannot see, with the path of each offending field, so an
 * import can be refused as a whole with a list a person can fix.
 */
export function checkPlanDocument(doc: PlanDocument, ref: ReferenceData): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const { periodStart: from, periodEnd: to } = doc;
  if (to < from || to > from + 5) err("periodEnd", `the period must run from ${from} to at most ${from + 5}`);
  // A plan evaluated before Filiera may lack its act in the source; approved or running plans need it.
  if ((doc.status === "approved" || doc.status === "in_execution") && !doc.approval)
    err("approval", "an approved plan needs the act of the Assemblea dei Sindaci and its date");

  const codes = <T extends { code: string }>(list: T[], path: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.code)) err(`${path}[${i}].code`, `duplicate code '${x.code}'`);
      seen.add(x.code);
    });
    return seen;
  };
  const areas = codes(doc.macroAreas, "macroAreas");
  const pillars = codes(doc.pillars, "pillars");
  const objectives = codes(doc.objectives, "objectives");
  codes(doc.actions, "actions");
  const indicators = new Map(doc.indicators.map((x) => [x.code, x]));
  codes(doc.indicators, "indicators");
  codes(doc.asstSheets, "asstSheets");
  const bodies = new Map(doc.governance.bodies.map((b) => [b.code, b]));
  codes(doc.governance.bodies, "governance.bodies");

  const level = new Map(doc.objectives.map((o) => [o.code, o.level]));
  doc.objectives.forEach((o, i) => {
    const p = `objectives[${i}]`;
    if (!areas.has(o.macroArea)) err(`${p}.macroArea`, `no macro-area '${o.macroArea}' in this plan`);
    if (o.level === "specific" && !o.parent) err(`${p}.parent`, "a specific objective needs its general objective");
    if (o.parent && level.get(o.parent) !== "general")
      err(`${p}.parent`, `no general objective '${o.parent}' in this plan`);
    o.leps.forEach((l, j) => {
      if (!ref.lepsCodes.has(l)) err(`${p}.leps[${j}]`, `unknown LEPS '${l}'`);
    });
    o.pillars.forEach((c, j) => {
      if (!pillars.has(c)) err(`${p}.pillars[${j}]`, `no pillar '${c}' in this plan`);
    });
  });
  doc.actions.forEach((a, i) => {
    const p = `actions[${i}]`;
    if (!objectives.has(a.objective)) err(`${p}.objective`, `no objective '${a.objective}' in this plan`);
    if (a.start && a.end && a.end < a.start) err(`${p}.end`, "ends before it starts");
  });
  doc.indicators.forEach((ind, i) => {
    const p = `indicators[${i}]`;
    if (!objectives.has(ind.objective)) err(`${p}.objective`, `no objective '${ind.objective}' in this plan`);
    if (ind.source === "computed" && !ind.queryKey) err(`${p}.queryKey`, "a computed indicator needs a query key");
    if (ind.source === "manual" && ind.queryKey) err(`${p}.queryKey`, "only computed indicators have a query key");
    if (ind.queryKey && !ref.queryKeys.has(ind.queryKey)) err(`${p}.queryKey`, `unknown query '${ind.queryKey}'`);
    const years = new Set<number>();
    ind.targets.forEach((t, j) => {
      const tp = `${p}.targets[${j}]`;
      if (t.year < from || t.year > to) err(`${tp}.year`, `${t.year} is outside the plan period ${from}-${to}`);
      if (years.has(t.year)) err(`${tp}.year`, `a second target for ${t.year}`);
      years.add(t.year);
      const problem = unitProblem(ind.unit, t.value, t.unit);
      if (problem) err(t.unit && t.unit !== ind.unit ? `${tp}.unit` : `${tp}.value`, problem);
    });
  });
  doc.measurements.forEach((m, i) => {
    const p = `measurements[${i}]`;
    const ind = indicators.get(m.indicator);
    if (!ind) {
      err(`${p}.indicator`, `no indicator '${m.indicator}' in this plan`);
      return;
    }
    if (m.year < from || m.year > to) err(`${p}.year`, `${m.year} is outside the plan period ${from}-${to}`);
    const problem = unitProblem(ind.unit, m.value, m.unit);
    if (problem) err(m.unit && m.unit !== ind.unit ? `${p}.unit` : `${p}.value`, problem);
  });
  doc.evaluations.forEach((e, i) => {
    if (!objectives.has(e.objective)) err(`evaluations[${i}].objective`, `no objective '${e.objective}' in this plan`);
  });
  doc.leps.forEach((l, i) => {
    if (!ref.lepsCodes.has(l.leps)) err(`leps[${i}].leps`, `unknown LEPS '${l.leps}'`);
    l.objectives.forEach((o, j) => {
      if (!objectives.has(o)) err(`leps[${i}].objectives[${j}]`, `no objective '${o}' in this plan`);
    });
  });
  doc.asstSheets.forEach((s, i) => {
    if (s.startYear && s.endYear && s.endYear < s.startYear) err(`asstSheets[${i}].endYear`, "ends before it starts");
  });
  doc.governance.meetings.forEach((m, i) => {
    const p = `governance.meetings[${i}]`;
    const body = bodies.get(m.body);
    if (!body) {
      err(`${p}.body`, `no body '${m.body}'`);
      return;
    }
    const members = new Set(body.members.map((x) => x.code));
    m.attendees.forEach((a, j) => {
      if (!members.has(a)) err(`${p}.attendees[${j}]`, `'${a}' is not a member of '${m.body}'`);
    });
  });
  return errors;
}
