/**
 * Contracts of the call editor (back office). Rules arrive as plain JSON and are checked here leaf by
 * leaf, so a mistake is reported at its own path (`eligibility.0.test.value`) instead of the single
 * "invalid input" a zod union gives; the engine's own schemas then confirm the whole (see checkRules).
 */
import { z } from "zod";
import { ambitoSlug } from "../../../shared/contracts/common.ts";
import {
  DISABILITY_VALUES,
  FACT_NAMES,
  FACTS,
  type FactName,
  factsSchema,
  HOUSING_VALUES,
  ruleSchema,
  scoringSchema,
} from "./rules/engine.ts";

type Path = (string | number)[];
/** Reports one problem; counts them so the engine's schema runs only on otherwise clean input. */
type Add = ((path: Path, message: string) => void) & { count: number };
function reporter(ctx: z.RefinementCtx): Add {
  const add = ((path: Path, message: string) => {
    add.count++;
    ctx.addIssue({ code: "custom", path, message });
  }) as Add;
  add.count = 0;
  return add;
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const NUMBER_OPS = ["lte", "lt", "gte", "gt", "eq", "neq"];
const CHOICES: Partial<Record<FactName, readonly string[]>> = {
  disability: DISABILITY_VALUES,
  housing: HOUSING_VALUES,
};

/** The operators that make sense for a fact: order for numbers, equality for yes/no, lists for choices. */
export function opsFor(fact: FactName): string[] {
  const type = FACTS[fact].type;
  if (type === "boolean") return ["eq", "neq"];
  if (type === "text") return ["eq", "neq", "in", "not_in"];
  return NUMBER_OPS;
}

function checkValue(fact: FactName, op: string, value: unknown, add: Add, path: Path) {
  const type = FACTS[fact].type;
  if (type === "boolean") {
    if (typeof value !== "boolean") add(path, "yes or no is required");
    return;
  }
  if (type === "text") {
    const allowed = CHOICES[fact] ?? [];
    const list = op === "in" || op === "not_in";
    const values = list ? value : [value];
    if (!Array.isArray(values) || values.length === 0 || (!list && typeof value !== "string")) {
      add(path, list ? "at least one value is required" : "one value is required");
      return;
    }
    const wrong = values.filter((v) => typeof v !== "string" || !allowed.includes(v));
    if (wrong.length) add(path, `allowed values: ${allowed.join(", ")}`);
    return;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) add(path, "a number is required");
  else if (type === "money" && (!Number.isInteger(value) || value < 0)) add(path, "whole cents, not negative");
}

/** A condition: a leaf {fact, op, value} or {all: [...]} / {any: [...]} of conditions. */
function checkCond(c: unknown, add: Add, path: Path, depth = 0): void {
  if (!isObject(c)) {
    add(path, "a condition is required");
    return;
  }
  for (const key of ["all", "any"] as const) {
    if (key in c) {
      const list = c[key];
      if (depth > 4) {
        add(path, "conditions nest at most 5 levels");
        return;
      }
      if (!Array.isArray(list) || list.length === 0) {
        add([...path, key], "at least one condition");
        return;
      }
      list.forEach((x, i) => {
        checkCond(x, add, [...path, key, i], depth + 1);
      });
      return;
    }
  }
  const fact = c.fact;
  if (typeof fact !== "string" || !(FACT_NAMES as string[]).includes(fact)) {
    add([...path, "fact"], "unknown fact");
    return;
  }
  const op = String(c.op);
  if (!opsFor(fact as FactName).includes(op)) {
    add([...path, "op"], "not an operator for this fact");
    return;
  }
  checkValue(fact as FactName, op, c.value, add, [...path, "value"]);
}

const label = (v: unknown, add: Add, path: Path) => {
  for (const lang of ["it", "en"] as const) {
    const s = isObject(v) ? v[lang] : undefined;
    if (typeof s !== "string" || s.trim() === "" || s.length > 300) add([...path, lang], "required");
  }
};
const ID = /^[a-z0-9_]{1,40}$/;
const checkId = (v: unknown, seen: Set<unknown>, add: Add, path: Path) => {
  if (typeof v !== "string" || !ID.test(v)) add(path, "lowercase letters, digits and _ only");
  else if (seen.has(v)) add(path, "already used in this call");
  seen.add(v);
};

/** The engine's own schema has the last word: anything it refuses is reported at its path. */
function confirm(schema: z.ZodType, v: unknown, add: Add) {
  const r = schema.safeParse(v);
  if (!r.success) for (const x of r.error.issues) add(x.path as Path, x.message);
}

export const eligibilityRules = z
  .array(z.unknown())
  .max(40)
  .superRefine((rules, ctx) => {
    const add = reporter(ctx);
    const ids = new Set<unknown>();
    rules.forEach((r, i) => {
      if (!isObject(r)) {
        add([i], "a rule is required");
        return;
      }
      checkId(r.id, ids, add, [i, "id"]);
      label(r.label, add, [i, "label"]);
      if (r.when !== undefined) checkCond(r.when, add, [i, "when"]);
      checkCond(r.test, add, [i, "test"]);
    });
    if (add.count === 0) confirm(z.array(ruleSchema), rules, add);
  })
  .meta({ description: "Eligibility rules of the rule engine ({id, label{it,en}, when?, test})" });

export const scoringRules = z
  .unknown()
  .superRefine((s, ctx) => {
    const add = reporter(ctx);
    if (!isObject(s)) {
      add([], "scoring is required");
      return;
    }
    const parts = Array.isArray(s.parts) ? s.parts : [];
    if (!Array.isArray(s.parts)) add(["parts"], "a list is required");
    const ids = new Set<unknown>();
    parts.forEach((p, i) => {
      if (!isObject(p)) {
        add(["parts", i], "a scoring part is required");
        return;
      }
      checkId(p.id, ids, add, ["parts", i, "id"]);
      label(p.label, add, ["parts", i, "label"]);
      if (isObject(p.linear)) {
        const l = p.linear;
        const numeric = typeof l.fact === "string" && ["money", "number"].includes(FACTS[l.fact as FactName]?.type);
        if (!numeric) add(["parts", i, "linear", "fact"], "a numeric fact is required");
        for (const k of ["from", "to", "points"]) {
          if (typeof l[k] !== "number" || !Number.isFinite(l[k]))
            add(["parts", i, "linear", k], "a number is required");
        }
        if (l.from === l.to) add(["parts", i, "linear", "to"], "must differ from the start");
        return;
      }
      if (p.when === undefined) {
        add(["parts", i, "when"], "a condition is required");
        return;
      }
      checkCond(p.when, add, ["parts", i, "when"]);
      if (typeof p.points !== "number" || !Number.isFinite(p.points))
        add(["parts", i, "points"], "a number is required");
    });
    const tieBreaks = Array.isArray(s.tieBreaks) ? s.tieBreaks : [];
    if (!Array.isArray(s.tieBreaks)) add(["tieBreaks"], "a list is required");
    const facts = new Set<unknown>();
    tieBreaks.forEach((tb, i) => {
      const fact = isObject(tb) ? tb.fact : undefined;
      if (typeof fact !== "string" || !(FACT_NAMES as string[]).includes(fact))
        add(["tieBreaks", i, "fact"], "unknown fact");
      else if (facts.has(fact)) add(["tieBreaks", i, "fact"], "already used in this call");
      facts.add(fact);
      if (!isObject(tb) || (tb.order !== "asc" && tb.order !== "desc")) add(["tieBreaks", i, "order"], "asc or desc");
    });
    if (add.count === 0) confirm(scoringSchema, s, add);
  })
  .meta({ description: "Scoring of the rule engine ({parts: linear or flag parts, tieBreaks: [{fact, order}]})" });

const DOC_CODE = /^[a-z0-9_-]{1,40}$/;
const requiredDocuments = z
  .array(
    z.object({
      code: z.string().regex(DOC_CODE, "lowercase letters, digits, - and _ only"),
      label: z.string().trim().min(1, "required").max(200),
    }),
  )
  .max(20)
  .superRefine((docs, ctx) => {
    const add = reporter(ctx);
    const seen = new Set<string>();
    docs.forEach((d, i) => {
      if (seen.has(d.code)) add([i, "code"], "already used in this call");
      seen.add(d.code);
    });
  });

const datetime = z.iso.datetime({ offset: true, message: "a date and time is required" });

/** What an officer edits. Opening/deadline coherence is checked against the stored call in the service. */
export const callEditBody = z.object({
  title: z.string().trim().min(3, "at least 3 characters").max(200),
  description: z.string().trim().max(4000).default(""),
  budgetCents: z.number().int().min(0).max(100_000_000_000).nullable(),
  maxGrantCents: z.number().int().positive().max(1_000_000_000),
  opensAt: datetime,
  deadline: datetime,
  eligibility: eligibilityRules,
  scoring: scoringRules,
  requiredDocuments: requiredDocuments.default([]),
  serviceId: z.number().int().positive().max(2_147_483_647).nullable().default(null),
  source: z.string().trim().max(1000).nullable().default(null),
});
export type CallEditBody = z.infer<typeof callEditBody>;

export const callCreateBody = callEditBody.extend({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase letters and digits separated by -")
    .max(80),
});
export type CallCreateBody = z.infer<typeof callCreateBody>;

export const callAdminParams = z.object({
  ambito: ambitoSlug,
  id: z.coerce.number().int().positive().max(2_147_483_647),
});
export const callStatusChange = z.object({ status: z.enum(["open", "paused", "closed"]) });

/** The editor's preview: the draft rules applied to example answers, nothing stored. */
export const rulesPreviewBody = z.object({
  eligibility: eligibilityRules,
  scoring: scoringRules,
  facts: factsSchema,
});
export const rulesPreviewDto = z.object({
  evaluation: z.object({
    status: z.enum(["eligible", "not_eligible", "incomplete"]),
    results: z.array(
      z.object({
        id: z.string(),
        label: z.object({ it: z.string(), en: z.string() }),
        outcome: z.enum(["pass", "fail", "unknown", "not_applicable"]),
        explanation: z.object({ it: z.string(), en: z.string() }),
        missing: z.array(z.string()),
        facts: z.array(z.string()),
      }),
    ),
  }),
  score: z.object({ total: z.number(), parts: z.array(z.object({ id: z.string(), points: z.number() })) }),
});
export type RulesPreviewDto = z.infer<typeof rulesPreviewDto>;
