/**
 * Eligibility and scoring rules as data: one engine for the citizen's self-check, the application
 * form and the back office. Money is in integer cents so "ISEE ≤ 26.000,00 €" is exact.
 * Pure: no I/O, so the portal can evaluate answers without storing them.
 */
import { z } from "zod";

export const FACTS = {
  isee_cents: { type: "money", it: "ISEE", en: "ISEE" },
  age: { type: "number", it: "età", en: "age" },
  resident_in_ambito: { type: "boolean", it: "residenza in un Comune dell'Ambito", en: "residence in the Ambito" },
  residence_months: { type: "number", it: "mesi di residenza", en: "months of residence" },
  household_size: { type: "number", it: "componenti del nucleo", en: "household members" },
  minors_in_household: { type: "number", it: "minori nel nucleo", en: "minors in the household" },
  disability: { type: "text", it: "condizione di disabilità", en: "disability" },
  income_drop_pct: { type: "number", it: "calo del reddito (%)", en: "income drop (%)" },
  job_change: { type: "boolean", it: "variazione dell'attività lavorativa", en: "change of work activity" },
  housing: { type: "text", it: "situazione abitativa", en: "housing situation" },
  registered_contract: { type: "boolean", it: "contratto registrato", en: "registered contract" },
  eviction_procedure: { type: "boolean", it: "procedura di sfratto in corso", en: "eviction procedure" },
  adequate_dwelling: {
    type: "boolean",
    it: "alloggio adeguato in Lombardia (R.R. 4/2017)",
    en: "adequate dwelling in Lombardy",
  },
} as const;
export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as [FactName, ...FactName[]];

export const DISABILITY_VALUES = ["none", "invalidita", "grave_104", "accompagnamento"] as const;
export const HOUSING_VALUES = ["private_rent", "agreed_rent", "sas", "sap", "sat", "owner", "other"] as const;

/** The answers a person gives: every fact optional (a self-check may leave some blank). */
export const factsSchema = z
  .object({
    isee_cents: z.number().int().min(0).max(100_000_000),
    age: z.number().int().min(0).max(120),
    resident_in_ambito: z.boolean(),
    residence_months: z.number().int().min(0).max(1500),
    household_size: z.number().int().min(1).max(30),
    minors_in_household: z.number().int().min(0).max(30),
    disability: z.enum(DISABILITY_VALUES),
    income_drop_pct: z.number().min(0).max(100),
    job_change: z.boolean(),
    housing: z.enum(HOUSING_VALUES),
    registered_contract: z.boolean(),
    eviction_procedure: z.boolean(),
    adequate_dwelling: z.boolean(),
  })
  .partial()
  .strict();
export type Facts = z.infer<typeof factsSchema>;

type Scalar = number | string | boolean;
export type Cond =
  | { fact: FactName; op: "lte" | "lt" | "gte" | "gt" | "eq" | "neq"; value: Scalar }
  | { fact: FactName; op: "in" | "not_in"; value: string[] }
  | { all: Cond[] }
  | { any: Cond[] };

const scalar = z.union([z.number(), z.string(), z.boolean()]);
export const condSchema: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z.object({ fact: z.enum(FACT_NAMES), op: z.enum(["lte", "lt", "gte", "gt", "eq", "neq"]), value: scalar }).strict(),
    z.object({ fact: z.enum(FACT_NAMES), op: z.enum(["in", "not_in"]), value: z.array(z.string()).min(1) }).strict(),
    z.object({ all: z.array(condSchema).min(1) }).strict(),
    z.object({ any: z.array(condSchema).min(1) }).strict(),
  ]),
);

const text = z.object({ it: z.string().min(1), en: z.string().min(1) });
export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: text,
  /** The rule applies only when this holds (e.g. the minors' ISEE threshold). */
  when: condSchema.optional(),
  test: condSchema,
});
export type Rule = z.infer<typeof ruleSchema>;

export const scoringSchema = z.object({
  parts: z.array(
    z.union([
      z.object({
        id: z.string(),
        label: text,
        /** Linear points: `points` at `from`, 0 at `to` (clamped); e.g. lower ISEE scores more. */
        linear: z.object({ fact: z.enum(FACT_NAMES), from: z.number(), to: z.number(), points: z.number() }),
      }),
      z.object({ id: z.string(), label: text, when: condSchema, points: z.number() }),
    ]),
  ),
  /** After the score: facts compared in order, then the submission time (earlier first). */
  tieBreaks: z.array(z.object({ fact: z.enum(FACT_NAMES), order: z.enum(["asc", "desc"]) })),
});
export type ScoringRules = z.infer<typeof scoringSchema>;

export type Lang = "it" | "en";
export type RuleOutcome = "pass" | "fail" | "unknown" | "not_applicable";
export interface RuleResult {
  id: string;
  label: { it: string; en: string };
  outcome: RuleOutcome;
  /** Why, in Italian and English, with the person's value and the threshold. */
  explanation: { it: string; en: string };
  missing: FactName[];
  /** The facts the rule's test looks at, for pointing at the answer to fix. */
  facts: FactName[];
}
export interface Evaluation {
  status: "eligible" | "not_eligible" | "incomplete";
  results: RuleResult[];
}

type Truth = boolean | null; // null: a fact is missing

function evalCond(c: Cond, f: Facts, missing: Set<FactName>): Truth {
  if ("all" in c) {
    const parts = c.all.map((x) => evalCond(x, f, missing));
    if (parts.includes(false)) return false;
    return parts.includes(null) ? null : true;
  }
  if ("any" in c) {
    const parts = c.any.map((x) => evalCond(x, f, missing));
    if (parts.includes(true)) return true;
    return parts.includes(null) ? null : false;
  }
  const v = f[c.fact];
  if (v === undefined) {
    missing.add(c.fact);
    return null;
  }
  switch (c.op) {
    case "lte":
      return (v as number) <= (c.value as number);
    case "lt":
      return (v as number) < (c.value as number);
    case "gte":
      return (v as number) >= (c.value as number);
    case "gt":
      return (v as number) > (c.value as number);
    case "eq":
      return v === c.value;
    case "neq":
      return v !== c.value;
    case "in":
      return c.value.includes(String(v));
    case "not_in":
      return !c.value.includes(String(v));
  }
}

const euro = (cents: number, lang: Lang) =>
  `${(cents / 100).toLocaleString(lang === "it" ? "it-IT" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

function show(fact: FactName, v: unknown, lang: Lang): string {
  if (v === undefined) return lang === "it" ? "non indicato" : "not given";
  if (FACTS[fact].type === "money") return euro(v as number, lang);
  if (typeof v === "boolean") return lang === "it" ? (v ? "sì" : "no") : v ? "yes" : "no";
  return String(v);
}

const OPS: Record<string, { it: string; en: string }> = {
  lte: { it: "al massimo", en: "at most" },
  lt: { it: "meno di", en: "less than" },
  gte: { it: "almeno", en: "at least" },
  gt: { it: "più di", en: "more than" },
  eq: { it: "uguale a", en: "equal to" },
  neq: { it: "diverso da", en: "other than" },
  in: { it: "uno tra", en: "one of" },
  not_in: { it: "nessuno tra", en: "none of" },
};

/** "ISEE: 26.000,01 € (richiesto: al massimo 26.000,00 €)" for each leaf of the condition. */
function describe(c: Cond, f: Facts, lang: Lang): string {
  if ("all" in c) return c.all.map((x) => describe(x, f, lang)).join(lang === "it" ? "; e " : "; and ");
  if ("any" in c) return `(${c.any.map((x) => describe(x, f, lang)).join(lang === "it" ? "; oppure " : "; or ")})`;
  const expected = Array.isArray(c.value)
    ? c.value.join(", ")
    : typeof c.value === "boolean"
      ? show(c.fact, c.value, lang)
      : show(c.fact, c.value, lang);
  const asked = lang === "it" ? "richiesto" : "required";
  return `${FACTS[c.fact][lang]}: ${show(c.fact, f[c.fact], lang)} (${asked}: ${OPS[c.op]?.[lang]} ${expected})`;
}

const VERDICT: Record<RuleOutcome, { it: string; en: string }> = {
  pass: { it: "Requisito soddisfatto", en: "Requirement met" },
  fail: { it: "Requisito non soddisfatto", en: "Requirement not met" },
  unknown: { it: "Mancano dati per valutare", en: "Missing information" },
  not_applicable: { it: "Non si applica", en: "Does not apply" },
};

const factsOf = (c: Cond): FactName[] =>
  "all" in c ? c.all.flatMap(factsOf) : "any" in c ? c.any.flatMap(factsOf) : [c.fact];

export function evaluate(rules: Rule[], facts: Facts): Evaluation {
  const results = rules.map((rule): RuleResult => {
    const missing = new Set<FactName>();
    const applies = rule.when ? evalCond(rule.when, facts, missing) : true;
    let outcome: RuleOutcome;
    if (applies === false) outcome = "not_applicable";
    else {
      const passed = applies === null ? null : evalCond(rule.test, facts, missing);
      outcome = passed === null ? "unknown" : passed ? "pass" : "fail";
    }
    const explain = (lang: Lang) =>
      outcome === "not_applicable"
        ? `${VERDICT[outcome][lang]}: ${describe(rule.when as Cond, facts, lang)}`
        : `${VERDICT[outcome][lang]}. ${describe(rule.test, facts, lang)}`;
    return {
      id: rule.id,
      label: rule.label,
      outcome,
      explanation: { it: explain("it"), en: explain("en") },
      missing: [...missing],
      facts: factsOf(rule.test),
    };
  });
  const status = results.some((r) => r.outcome === "fail")
    ? "not_eligible"
    : results.some((r) => r.outcome === "unknown")
      ? "incomplete"
      : "eligible";
  return { status, results };
}

export function score(rules: ScoringRules, facts: Facts): { total: number; parts: { id: string; points: number }[] } {
  const parts = rules.parts.map((p) => {
    if ("linear" in p) {
      const v = facts[p.linear.fact];
      if (typeof v !== "number") return { id: p.id, points: 0 };
      const { from, to, points } = p.linear;
      const t = Math.min(1, Math.max(0, (v - from) / (to - from)));
      return { id: p.id, points: Math.round(points * (1 - t) * 100) / 100 };
    }
    return { id: p.id, points: evalCond(p.when, facts, new Set()) === true ? p.points : 0 };
  });
  const total = Math.round(parts.reduce((s, p) => s + p.points * 100, 0)) / 100;
  return { total, parts };
}

export interface RankInput {
  applicationId: number;
  score: number;
  facts: Facts;
  submittedAt: Date;
  requestedCents: number;
}
export interface RankRow {
  applicationId: number;
  rank: number;
  score: number;
  fundedCents: number;
  outcome: "funded" | "waiting";
}

/**
 * The graduatoria: score descending, then the call's tie-breaks, then the earlier submission, then
 * the id (so the order is total and a recomputation gives the same result). Funded in rank order
 * while the budget lasts; the first that does not fit and everyone after it wait (no skipping).
 */
export function rank(
  inputs: RankInput[],
  rules: ScoringRules,
  budgetCents: number | null,
  maxGrantCents: number,
): RankRow[] {
  const sorted = [...inputs].sort((a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    for (const tb of rules.tieBreaks) {
      const x = a.facts[tb.fact];
      const y = b.facts[tb.fact];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const cmp = x < y ? -1 : 1;
      return tb.order === "asc" ? cmp : -cmp;
    }
    const t = a.submittedAt.getTime() - b.submittedAt.getTime();
    return t !== 0 ? t : a.applicationId - b.applicationId;
  });
  let left = budgetCents ?? Number.POSITIVE_INFINITY;
  let exhausted = false;
  return sorted.map((a, i) => {
    const grant = Math.min(a.requestedCents, maxGrantCents);
    const funded = !exhausted && grant <= left;
    if (funded) left -= grant;
    else exhausted = true;
    return {
      applicationId: a.applicationId,
      rank: i + 1,
      score: a.score,
      fundedCents: funded ? grant : 0,
      outcome: funded ? "funded" : "waiting",
    };
  });
}
