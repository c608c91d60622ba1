import type { CountMeasure, Measure } from "../../../shared/contracts/observatory.ts";
import { type CountQuery, INDICATOR_BY_CODE, OPEN_AGE } from "../../../shared/indicators.ts";
import { AMBITO, type CountStore } from "./count-store.ts";

export interface AgeOverride {
  ageFrom?: number | undefined;
  ageTo?: number | null | undefined;
}

/** A count measure as a store query; a row's age class narrows the column's measure. */
export function toQuery(m: CountMeasure, row: AgeOverride = {}): CountQuery {
  const ageFrom = row.ageFrom ?? m.ageFrom;
  const ageTo = row.ageFrom !== undefined ? row.ageTo : m.ageTo;
  return {
    series: m.series,
    ...(ageFrom !== undefined ? { ageFrom } : {}),
    ...(ageTo !== undefined && ageTo !== null ? { ageTo } : {}),
    ...(m.sex ? { sex: m.sex } : {}),
    ...(m.citizenship ? { citizenship: m.citizenship } : {}),
  };
}

export interface Recomputed {
  value: number;
  /** The counts used, for the person checking the table (e.g. "26480 / 17596 × 100"). */
  from: string | null;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The value a measure should have for a territory and year, from counts; null if not computable. */
export function recompute(
  m: Measure,
  store: CountStore,
  territory: string,
  year: number,
  row: AgeOverride = {},
): Recomputed | null {
  switch (m.kind) {
    case "count": {
      const value = store.count(territory, toQuery(m, row), year);
      return value === null ? null : { value, from: null };
    }
    case "percent": {
      const of = store.count(territory, toQuery(m.of, row), year);
      const per = store.count(territory, toQuery(m.per), year);
      if (of === null || per === null || per === 0) return null;
      return { value: (of / per) * 100, from: `${fmt(of)} / ${fmt(per)} × 100` };
    }
    case "indicator": {
      const def = INDICATOR_BY_CODE.get(m.code);
      if (!def) return null;
      const num = def.numerator.map((q) => store.count(territory, q, year));
      const den = def.denominator.map((q) =>
        q.meanWithNextYear ? meanStock(store, territory, q, year) : store.count(territory, q, year),
      );
      if (num.some((v) => v === null) || den.some((v) => v === null)) return null;
      const n = (num as number[]).reduce((a, b) => a + b, 0);
      const d = (den as number[]).reduce((a, b) => a + b, 0);
      if (d === 0) return null;
      return {
        value: (n / d) * def.scale,
        from: `${def.formula}: ${fmt(n)} / ${fmt(d)}${def.scale === 1 ? "" : ` × ${def.scale}`}`,
      };
    }
    default:
      return null;
  }
}

function meanStock(store: CountStore, territory: string, q: CountQuery, year: number): number | null {
  const a = store.count(territory, q, year);
  const b = store.count(territory, q, year + 1);
  return a !== null && b !== null ? (a + b) / 2 : (a ?? b);
}

/** The standard indicator a measure denotes, so published tables feed the profile. */
export function indicatorCodeOf(m: Measure): string | null {
  if (m.kind === "indicator") return INDICATOR_BY_CODE.has(m.code) ? m.code : null;
  if (m.kind !== "percent" || m.per.series !== "population" || m.of.series !== "population") return null;
  const { ageFrom = 0, ageTo = null, citizenship } = m.of;
  const open = ageTo === null || ageTo === undefined || ageTo >= OPEN_AGE;
  if (citizenship === "foreign" && ageFrom === 0 && open) return "foreign_share";
  if (citizenship) return null;
  if (ageFrom === 65 && open) return "over65_share";
  if (ageFrom === 80 && open) return "over80_share";
  if (ageFrom === 0 && ageTo === 17) return "minors_share";
  return null;
}

export { AMBITO };
