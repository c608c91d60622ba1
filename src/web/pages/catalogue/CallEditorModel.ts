import { FACT_FIELDS, type FactField } from "../portal/FactsForm.tsx";
import { parseEuroCents } from "../portal/format.ts";

// The call editor's form state and its conversion to and from the API's rules. Values are kept as the
// officer typed them (euro for money, "yes"/"no"); what cannot be read is sent as typed, so the server
// reports it at the field's own path.

export type FactType = "money" | "number" | "boolean" | "choice";
export const FACT_TYPES: Record<FactField, FactType> = {
  isee_cents: "money",
  age: "number",
  resident_in_ambito: "boolean",
  residence_months: "number",
  household_size: "number",
  minors_in_household: "number",
  disability: "choice",
  income_drop_pct: "number",
  job_change: "boolean",
  housing: "choice",
  registered_contract: "boolean",
  eviction_procedure: "boolean",
  adequate_dwelling: "boolean",
};
export const CHOICES: Partial<Record<FactField, string[]>> = {
  disability: ["none", "invalidita", "grave_104", "accompagnamento"],
  housing: ["private_rent", "agreed_rent", "sas", "sap", "sat", "owner", "other"],
};
export const opsFor = (fact: FactField): string[] =>
  FACT_TYPES[fact] === "boolean"
    ? ["eq", "neq"]
    : FACT_TYPES[fact] === "choice"
      ? ["eq", "neq", "in", "not_in"]
      : ["lte", "lt", "gte", "gt", "eq", "neq"];

export interface Leaf {
  key: number;
  fact: FactField;
  op: string;
  value: string;
}
type Json = Record<string, unknown>;
let nextKey = 1;
export const newKey = () => nextKey++;

/** A rule the rows can show (one condition or "all of" conditions), or its JSON when they cannot. */
export interface RuleRow {
  key: number;
  id: string;
  it: string;
  en: string;
  conds: Leaf[] | null;
  json: string;
}
export interface PartRow {
  key: number;
  id: string;
  it: string;
  en: string;
  kind: "linear" | "flag" | "json";
  fact: FactField;
  from: string;
  to: string;
  points: string;
  cond: Leaf;
  json: string;
}
export interface TieRow {
  key: number;
  fact: FactField;
  order: "asc" | "desc";
}

export const euroText = (cents: number) => (cents / 100).toFixed(2).replace(".", ",").replace(/,00$/, "");
const moneyOrRaw = (s: string) => parseEuroCents(s) ?? s;
const numberOrRaw = (s: string) =>
  s.trim() !== "" && Number.isFinite(Number(s.replace(",", "."))) ? Number(s.replace(",", ".")) : s;

function showValue(fact: FactField, value: unknown): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (FACT_TYPES[fact] === "money" && typeof value === "number") return euroText(value);
  return value === undefined || value === null ? "" : String(value);
}

export function readValue(l: Leaf): unknown {
  const type = FACT_TYPES[l.fact];
  if (l.op === "in" || l.op === "not_in") {
    return l.value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (type === "boolean") return l.value === "yes" ? true : l.value === "no" ? false : l.value;
  if (type === "money") return moneyOrRaw(l.value);
  if (type === "number") return numberOrRaw(l.value);
  return l.value;
}

const isLeaf = (c: unknown): c is Json =>
  !!c && typeof c === "object" && typeof (c as Json).fact === "string" && !("all" in (c as Json));
const toLeaf = (c: Json): Leaf => ({
  key: newKey(),
  fact: c.fact as FactField,
  op: String(c.op),
  value: showValue(c.fact as FactField, c.value),
});
export const fromLeaf = (l: Leaf) => ({ fact: l.fact, op: l.op, value: readValue(l) });
export const emptyLeaf = (): Leaf => ({ key: newKey(), fact: "isee_cents", op: "lte", value: "" });

interface Rule {
  id: string;
  label: { it: string; en: string };
  when?: unknown;
  test: unknown;
}

export function toRuleRow(r: Rule): RuleRow {
  const t = r.test as Json;
  const all = t && Array.isArray(t.all) ? (t.all as unknown[]) : null;
  const simple = r.when === undefined && (isLeaf(t) || (all?.every(isLeaf) ?? false));
  const { id: _id, label: _label, ...logic } = r;
  return {
    key: newKey(),
    id: r.id,
    it: r.label.it,
    en: r.label.en,
    conds: simple ? (all ? (all as Json[]).map(toLeaf) : [toLeaf(t)]) : null,
    json: simple ? "" : JSON.stringify(logic, null, 2),
  };
}

const parseJson = (s: string): Json | null => {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
};

export function fromRuleRow(r: RuleRow): Rule {
  const label = { it: r.it, en: r.en };
  if (r.conds === null) return { id: r.id, label, test: null, ...(parseJson(r.json) ?? {}) };
  const leaves = r.conds.map(fromLeaf);
  return { id: r.id, label, test: leaves.length === 1 ? leaves[0] : { all: leaves } };
}

/** The server's path of a condition's field in a rule shown as rows. */
export const condPath = (i: number, r: RuleRow, j: number, field: string) =>
  (r.conds?.length ?? 0) > 1 ? `eligibility.${i}.test.all.${j}.${field}` : `eligibility.${i}.test.${field}`;

interface Part {
  id: string;
  label: { it: string; en: string };
  linear?: { fact: string; from: number; to: number; points: number };
  when?: unknown;
  points?: number;
}

export function toPartRow(p: Part): PartRow {
  const base = { key: newKey(), id: p.id, it: p.label.it, en: p.label.en, json: "" };
  const blank = { fact: "isee_cents" as FactField, from: "", to: "", points: "", cond: emptyLeaf() };
  if (p.linear) {
    const fact = p.linear.fact as FactField;
    const money = FACT_TYPES[fact] === "money";
    const show = (n: number) => (money ? euroText(n) : String(n));
    return {
      ...base,
      ...blank,
      kind: "linear",
      fact,
      from: show(p.linear.from),
      to: show(p.linear.to),
      points: String(p.linear.points),
    };
  }
  if (isLeaf(p.when)) return { ...base, ...blank, kind: "flag", cond: toLeaf(p.when), points: String(p.points ?? "") };
  return { ...base, ...blank, kind: "json", points: String(p.points ?? ""), json: JSON.stringify(p.when, null, 2) };
}

export function fromPartRow(p: PartRow): Part {
  const head = { id: p.id, label: { it: p.it, en: p.en } };
  const points = numberOrRaw(p.points) as number;
  if (p.kind === "linear") {
    const read = FACT_TYPES[p.fact] === "money" ? moneyOrRaw : numberOrRaw;
    return {
      ...head,
      linear: { fact: p.fact, from: read(p.from) as number, to: read(p.to) as number, points },
    };
  }
  const when = p.kind === "flag" ? fromLeaf(p.cond) : (parseJson(p.json) ?? null);
  return { ...head, when, points };
}

export const FACTS = FACT_FIELDS;
