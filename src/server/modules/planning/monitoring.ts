import type { IndicatorDoc, PlanDocument } from "./plan-document.ts";

/**
 * Progress and status of a plan from its indicators and action dates (pure: the caller supplies
 * the document, live computed values and the reference date).
 */
export type Status = "on_track" | "at_risk" | "late" | "achieved" | "no_data";

export interface IndicatorProgress {
  code: string;
  objective: string;
  type: IndicatorDoc["type"];
  label: string;
  unit: IndicatorDoc["unit"];
  source: IndicatorDoc["source"];
  queryKey: string | null;
  year: number | null;
  value: number | null;
  target: number | null;
  finalTarget: number | null;
  finalYear: number | null;
  progress: number | null;
  expected: number | null;
  status: Status;
}
export interface ObjectiveProgress {
  code: string;
  title: string;
  macroArea: string;
  level: "general" | "specific";
  weight: number;
  progress: number | null;
  status: Status;
  actions: { total: number; done: number; overdue: number };
  indicators: IndicatorProgress[];
}
export interface Alert {
  kind: "indicator_off_target" | "action_overdue";
  objective: string;
  code: string;
  label: string;
  detail: string;
}
export interface Monitoring {
  asOf: string;
  progress: number | null;
  status: Status;
  objectives: ObjectiveProgress[];
  alerts: Alert[];
}

/** Values per indicator code and year. */
export type ValueTable = Map<string, Map<number, number>>;

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** Share of time elapsed from the plan's start to the end of `untilYear`, at `asOf`. */
function elapsed(fromYear: number, untilYear: number, asOf: Date): number {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(untilYear + 1, 0, 1);
  return clamp((asOf.getTime() - start) / (end - start));
}

function progressOf(ind: IndicatorDoc, value: number, target: number): number {
  const base = ind.baseline ?? 0;
  if (ind.direction === "reach") return target === 0 ? (value >= 0 ? 1 : 0) : clamp(value / target);
  const span = ind.direction === "increase" ? target - base : base - target;
  const gained = ind.direction === "increase" ? value - base : base - value;
  if (span <= 0) return gained >= span ? 1 : 0;
  return clamp(gained / span);
}

function meets(ind: IndicatorDoc, value: number, target: number): boolean {
  return ind.direction === "decrease" ? value <= target : value >= target;
}

function indicatorProgress(ind: IndicatorDoc, values: ValueTable, from: number, asOf: Date): IndicatorProgress {
  const asOfYear = asOf.getUTCFullYear();
  const byYear = values.get(ind.code) ?? new Map<number, number>();
  const years = [...byYear.keys()].filter((y) => y <= asOfYear).sort((a, b) => a - b);
  const year = years.at(-1) ?? null;
  const value = year === null ? null : (byYear.get(year) ?? null);
  const targets = [...ind.targets].sort((a, b) => a.year - b.year);
  const final = targets.at(-1) ?? null;
  const yearTarget = year === null ? null : (targets.find((t) => t.year === year)?.value ?? null);
  const base = {
    code: ind.code,
    objective: ind.objective,
    type: ind.type,
    label: ind.label,
    unit: ind.unit,
    source: ind.source,
    queryKey: ind.queryKey ?? null,
    year,
    value,
    target: yearTarget,
    finalTarget: final?.value ?? null,
    finalYear: final?.year ?? null,
  };
  if (!final || ind.unit === "text" || ind.type === "input")
    return { ...base, progress: null, expected: null, status: "no_data" };
  const expected = elapsed(from, final.year, asOf);
  if (value === null) {
    const status: Status = expected > 0.5 ? "late" : expected > 0.25 ? "at_risk" : "on_track";
    return { ...base, progress: 0, expected: round(expected), status };
  }
  const progress = progressOf(ind, value, final.value);
  let status: Status;
  if (meets(ind, value, final.value)) status = "achieved";
  else if (yearTarget !== null && !meets(ind, value, yearTarget))
    status = year !== null && year < asOfYear ? "late" : "at_risk";
  else if (progress >= expected - 0.1) status = "on_track";
  else if (progress >= expected - 0.3) status = "at_risk";
  else status = "late";
  return { ...base, progress: round(progress), expected: round(expected), status };
}

const RANK: Record<Status, number> = { late: 4, at_risk: 3, on_track: 2, achieved: 1, no_data: 0 };

function worst(statuses: Status[]): Status {
  const real = statuses.filter((s) => s !== "no_data");
  if (!real.length) return "no_data";
  if (real.every((s) => s === "achieved")) return "achieved";
  const w = real.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  return w === "achieved" ? "on_track" : w;
}

export function computeMonitoring(doc: PlanDocument, values: ValueTable, asOf: Date): Monitoring {
  const today = asOf.toISOString().slice(0, 10);
  const alerts: Alert[] = [];
  const objectives: ObjectiveProgress[] = doc.objectives.map((o) => {
    const indicators = doc.indicators
      .filter((i) => i.objective === o.code)
      .map((i) => indicatorProgress(i, values, doc.periodStart, asOf));
    const actions = doc.actions.filter((a) => a.objective === o.code && a.status !== "cancelled");
    const overdue = actions.filter((a) => a.status !== "done" && a.end && a.end < today);
    for (const a of overdue)
      alerts.push({ kind: "action_overdue", objective: o.code, code: a.code, label: a.title, detail: `end ${a.end}` });
    for (const i of indicators)
      if (i.status === "late" || i.status === "at_risk")
        alerts.push({
          kind: "indicator_off_target",
          objective: o.code,
          code: i.code,
          label: i.label,
          detail: `${i.value ?? "—"} / ${i.target ?? i.finalTarget} (${i.status})`,
        });
    const weighted = indicators
      .filter((i) => i.progress !== null)
      .map((i) => ({ p: i.progress as number, w: doc.indicators.find((d) => d.code === i.code)?.weight ?? 1 }));
    const done = actions.filter((a) => a.status === "done").length;
    if (actions.length) weighted.push({ p: done / actions.length, w: 1 });
    const sumW = weighted.reduce((s, x) => s + x.w, 0);
    const progress = sumW ? weighted.reduce((s, x) => s + x.p * x.w, 0) / sumW : null;
    const statuses = indicators.map((i) => i.status);
    if (overdue.length) statuses.push("late");
    else if (actions.length) statuses.push(done === actions.length ? "achieved" : "on_track");
    return {
      code: o.code,
      title: o.title,
      macroArea: o.macroArea,
      level: o.level,
      weight: o.weight,
      progress: round(progress),
      status: worst(statuses),
      actions: { total: actions.length, done, overdue: overdue.length },
      indicators,
    };
  });
  const rolled = objectives.filter((o) => o.progress !== null);
  const sumW = rolled.reduce((s, o) => s + o.weight, 0);
  return {
    asOf: today,
    progress: sumW ? round(rolled.reduce((s, o) => s + (o.progress as number) * o.weight, 0) / sumW) : null,
    status: worst(objectives.map((o) => o.status)),
    objectives,
    alerts,
  };
}
