/**
 * Demographic indicators with the ISTAT formulas. Each is a ratio of summed counts times a scale,
 * so an Ambito's value is computed from the Comuni's summed counts, never as a mean of ratios.
 */
export const OPEN_AGE = 200;

export interface CountQuery {
  series: string;
  ageFrom?: number;
  /** Inclusive; omitted means open-ended (e.g. 65 and over). */
  ageTo?: number;
  sex?: "T" | "M" | "F";
  citizenship?: "all" | "foreign";
  /** Mean of this year's and next year's stock (1 January): the ISTAT denominator of rates. */
  meanWithNextYear?: boolean;
}

export interface IndicatorDef {
  code: string;
  unit: "index" | "percent" | "per_mille";
  scale: number;
  numerator: CountQuery[];
  denominator: CountQuery[];
  /** Italian formula, shown to users. */
  formula: string;
}

const pop = (ageFrom?: number, ageTo?: number, extra: Partial<CountQuery> = {}): CountQuery => ({
  series: "population",
  ...(ageFrom !== undefined ? { ageFrom } : {}),
  ...(ageTo !== undefined ? { ageTo } : {}),
  ...extra,
});

export const INDICATORS: IndicatorDef[] = [
  {
    code: "old_age_index",
    unit: "index",
    scale: 100,
    numerator: [pop(65)],
    denominator: [pop(0, 14)],
    formula: "popolazione 65+ / popolazione 0-14 × 100",
  },
  {
    code: "structural_dependency",
    unit: "index",
    scale: 100,
    numerator: [pop(0, 14), pop(65)],
    denominator: [pop(15, 64)],
    formula: "(popolazione 0-14 + popolazione 65+) / popolazione 15-64 × 100",
  },
  {
    code: "elderly_dependency",
    unit: "index",
    scale: 100,
    numerator: [pop(65)],
    denominator: [pop(15, 64)],
    formula: "popolazione 65+ / popolazione 15-64 × 100",
  },
  {
    code: "replacement_index",
    unit: "index",
    scale: 100,
    numerator: [pop(60, 64)],
    denominator: [pop(15, 19)],
    formula: "popolazione 60-64 / popolazione 15-19 × 100",
  },
  {
    code: "structure_index",
    unit: "index",
    scale: 100,
    numerator: [pop(40, 64)],
    denominator: [pop(15, 39)],
    formula: "popolazione 40-64 / popolazione 15-39 × 100",
  },
  {
    code: "child_woman_ratio",
    unit: "index",
    scale: 100,
    numerator: [pop(0, 4)],
    denominator: [pop(15, 49, { sex: "F" })],
    formula: "bambini 0-4 / donne 15-49 × 100",
  },
  {
    code: "birth_rate",
    unit: "per_mille",
    scale: 1000,
    numerator: [{ series: "births" }],
    denominator: [pop(undefined, undefined, { meanWithNextYear: true })],
    formula: "nati vivi nell'anno / popolazione media dell'anno × 1.000",
  },
  {
    code: "mortality_rate",
    unit: "per_mille",
    scale: 1000,
    numerator: [{ series: "deaths" }],
    denominator: [pop(undefined, undefined, { meanWithNextYear: true })],
    formula: "morti nell'anno / popolazione media dell'anno × 1.000",
  },
  {
    code: "over65_share",
    unit: "percent",
    scale: 100,
    numerator: [pop(65)],
    denominator: [pop()],
    formula: "popolazione 65+ / popolazione totale × 100",
  },
  {
    code: "over80_share",
    unit: "percent",
    scale: 100,
    numerator: [pop(80)],
    denominator: [pop()],
    formula: "popolazione 80+ / popolazione totale × 100",
  },
  {
    code: "minors_share",
    unit: "percent",
    scale: 100,
    numerator: [pop(0, 17)],
    denominator: [pop()],
    formula: "popolazione 0-17 / popolazione totale × 100",
  },
  {
    code: "foreign_share",
    unit: "percent",
    scale: 100,
    numerator: [pop(undefined, undefined, { citizenship: "foreign" })],
    denominator: [pop()],
    formula: "stranieri residenti / popolazione totale × 100",
  },
  {
    code: "mean_household_size",
    unit: "index",
    scale: 1,
    numerator: [pop()],
    denominator: [{ series: "households" }],
    formula: "popolazione residente / numero di famiglie",
  },
];

export const INDICATOR_BY_CODE = new Map(INDICATORS.map((d) => [d.code, d]));

/** Resolves a count for a year, or null when the data cannot give it exactly. */
export type CountLookup = (q: CountQuery, year: number) => number | null;

export interface IndicatorValue {
  value: number;
  numerator: number;
  denominator: number;
}

function sumOf(queries: CountQuery[], year: number, lookup: CountLookup): number | null {
  let total = 0;
  for (const q of queries) {
    const v = q.meanWithNextYear ? meanStock(q, year, lookup) : lookup(q, year);
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** ISTAT rates divide by the mean population; with only one stock known, that stock is used. */
function meanStock(q: CountQuery, year: number, lookup: CountLookup): number | null {
  const start = lookup(q, year);
  const end = lookup(q, year + 1);
  if (start !== null && end !== null) return (start + end) / 2;
  return start ?? end;
}

export function computeIndicator(def: IndicatorDef, year: number, lookup: CountLookup): IndicatorValue | null {
  const numerator = sumOf(def.numerator, year, lookup);
  const denominator = sumOf(def.denominator, year, lookup);
  if (numerator === null || denominator === null || denominator === 0) return null;
  return { value: (numerator / denominator) * def.scale, numerator, denominator };
}
