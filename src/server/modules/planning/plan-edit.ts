import { AppError, type FieldError, notFound } from "../../platform/errors.ts";
import type { ActionDoc, IndicatorDoc, ObjectiveDoc, PlanDocument } from "./plan-document.ts";

/**
 * Pure edits of one item of a plan document (objective, indicator, action), as the editor pages
 * send them. The whole document is still checked afterwards by `editPlan`.
 */
export type ItemList = "objectives" | "indicators" | "actions";
export interface Focus {
  list: ItemList;
  code: string;
}

type Item<L extends ItemList> = L extends "objectives"
  ? ObjectiveDoc
  : L extends "indicators"
    ? IndicatorDoc
    : ActionDoc;

/** Replaces the item with the same code, or appends it. */
export function upsertItem<L extends ItemList>(list: L, item: Item<L>) {
  return (d: PlanDocument): PlanDocument => {
    const items = d[list] as Item<L>[];
    const i = items.findIndex((x) => x.code === item.code);
    if (i >= 0) items[i] = item;
    else items.push(item);
    return d;
  };
}

/** Removes an indicator with its measurements (they measure nothing once it is gone). */
export const deleteIndicator =
  (code: string) =>
  (d: PlanDocument): PlanDocument => {
    if (!d.indicators.some((x) => x.code === code)) throw notFound("Indicator");
    return {
      ...d,
      indicators: d.indicators.filter((x) => x.code !== code),
      measurements: d.measurements.filter((m) => m.indicator !== code),
    };
  };

export const deleteAction =
  (code: string) =>
  (d: PlanDocument): PlanDocument => {
    if (!d.actions.some((x) => x.code === code)) throw notFound("Action");
    return { ...d, actions: d.actions.filter((x) => x.code !== code) };
  };

/**
 * Removes an objective that nothing hangs from: its specific objectives, indicators and actions
 * must go first, so a click cannot silently drop a table of targets. Its evaluation sheet and
 * LEPS links go with it.
 */
export const deleteObjective =
  (code: string) =>
  (d: PlanDocument): PlanDocument => {
    if (!d.objectives.some((x) => x.code === code)) throw notFound("Objective");
    const children = d.objectives.filter((o) => o.parent === code).length;
    const indicators = d.indicators.filter((i) => i.objective === code).length;
    const actions = d.actions.filter((a) => a.objective === code).length;
    if (children || indicators || actions)
      throw new AppError(
        "CONFLICT",
        `The objective still has ${children} specific objective(s), ${indicators} indicator(s) and ${actions} action(s): delete them first`,
      );
    return {
      ...d,
      objectives: d.objectives.filter((o) => o.code !== code),
      evaluations: d.evaluations.filter((e) => e.objective !== code),
      leps: d.leps.map((l) => ({ ...l, objectives: l.objectives.filter((o) => o !== code) })),
    };
  };

/**
 * Problems found on the edited item, renamed to the request body's fields
 * (`indicators[5].targets[0].unit` → `body.targets.0.unit`) so a form can show each next to its field.
 */
export function focusFields(fields: FieldError[], doc: PlanDocument, focus: Focus): FieldError[] {
  const index = doc[focus.list].findIndex((x) => x.code === focus.code);
  if (index < 0) return fields;
  const prefix = `${focus.list}[${index}]`;
  return fields.map((f) =>
    f.path === prefix || f.path.startsWith(`${prefix}.`) || f.path.startsWith(`${prefix}[`)
      ? { ...f, path: `body${f.path.slice(prefix.length)}`.replace(/\[(\d+)\]/g, ".$1") }
      : f,
  );
}

/** The plan's concurrency token: when it was last written (sent back in If-Match). */
export const etagOf = (updatedAt: Date | string) =>
  updatedAt instanceof Date ? updatedAt.toISOString() : new Date(updatedAt).toISOString();
