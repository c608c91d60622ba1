import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { parseEuroCents } from "./format.ts";

export const FACT_FIELDS = [
  "isee_cents",
  "age",
  "resident_in_ambito",
  "residence_months",
  "household_size",
  "minors_in_household",
  "disability",
  "income_drop_pct",
  "job_change",
  "housing",
  "registered_contract",
  "eviction_procedure",
  "adequate_dwelling",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];
export type RawFacts = Partial<Record<FactField, string>>;
export type Facts = Partial<Record<FactField, number | string | boolean>>;

const BOOLEAN: FactField[] = [
  "resident_in_ambito",
  "job_change",
  "registered_contract",
  "eviction_procedure",
  "adequate_dwelling",
];
const INTEGER: FactField[] = ["age", "residence_months", "household_size", "minors_in_household"];
const CHOICES: Partial<Record<FactField, readonly string[]>> = {
  disability: ["none", "invalidita", "grave_104", "accompagnamento"],
  housing: ["private_rent", "agreed_rent", "sas", "sap", "sat", "owner", "other"],
};

/** The facts a rule set looks at, so a form asks only what the call needs. */
export function factsOfRules(rules: unknown): FactField[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.fact === "string") found.add(o.fact);
      Object.values(o).forEach(walk);
    }
  };
  walk(rules);
  return FACT_FIELDS.filter((f) => found.has(f));
}

/** Raw answers → typed facts; blank answers are left out, unreadable ones reported by field. */
export function toFacts(raw: RawFacts): { facts: Facts; errors: Partial<Record<FactField, string>> } {
  const facts: Facts = {};
  const errors: Partial<Record<FactField, string>> = {};
  for (const f of FACT_FIELDS) {
    const v = raw[f]?.trim();
    if (!v) continue;
    if (f === "isee_cents") {
      const cents = parseEuroCents(v);
      if (cents === null) errors[f] = "amount";
      else facts[f] = cents;
    } else if (BOOLEAN.includes(f)) facts[f] = v === "yes";
    else if (INTEGER.includes(f)) {
      if (!/^\d{1,4}$/.test(v)) errors[f] = "integer";
      else facts[f] = Number(v);
    } else if (f === "income_drop_pct") {
      const n = Number(v.replace(",", "."));
      if (!Number.isFinite(n) || n < 0 || n > 100) errors[f] = "percent";
      else facts[f] = n;
    } else facts[f] = v;
  }
  return { facts, errors };
}

/** The questions, in plain Italian (or English), each with its hint. */
export function FactsForm({
  fields,
  value,
  onChange,
  errors = {},
  idPrefix,
}: {
  fields: readonly FactField[];
  value: RawFacts;
  onChange: (v: RawFacts) => void;
  errors?: Partial<Record<FactField, string>>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const set = (f: FactField) => (v: string) => onChange({ ...value, [f]: v });
  const error = (f: FactField) => (errors[f] ? t(`portal.facts.errors.${errors[f]}`) : undefined);
  return (
    <div className="row">
      {fields.map((f) => {
        const id = `${idPrefix}-${f}`;
        const label = t(`portal.facts.${f}.label`);
        const choices = BOOLEAN.includes(f) ? ["yes", "no"] : CHOICES[f];
        return (
          <div className="col-md-6" key={f}>
            {choices ? (
              <SelectField id={id} label={label} value={value[f] ?? ""} onChange={set(f)} error={error(f)}>
                <option value="">{t("portal.facts.unanswered")}</option>
                {choices.map((c) => (
                  <option key={c} value={c}>
                    {t(`portal.facts.choices.${c}`)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField
                id={id}
                label={label}
                value={value[f] ?? ""}
                onChange={set(f)}
                error={error(f)}
                hint={t(`portal.facts.${f}.hint`)}
                inputMode={f === "isee_cents" ? "decimal" : "numeric"}
                autoComplete="off"
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
