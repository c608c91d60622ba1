import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { FactField } from "../portal/FactsForm.tsx";
import { CHOICES, FACT_TYPES, FACTS, type Leaf, opsFor } from "./CallEditorModel.ts";

// The editor's small inputs: a condition, a bilingual label, the JSON of a rule the rows cannot show.
export type ErrorOf = (path: string) => string | undefined;

/** One condition: fact, operator, value; the value's input follows the fact's type. */
export function LeafFields({
  id,
  leaf,
  onChange,
  err,
}: {
  id: string;
  leaf: Leaf;
  onChange: (l: Leaf) => void;
  err: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setFact = (v: string) => {
    const fact = v as FactField;
    const ops = opsFor(fact);
    onChange({ key: leaf.key, fact, op: ops.includes(leaf.op) ? leaf.op : (ops[0] ?? "eq"), value: "" });
  };
  const type = FACT_TYPES[leaf.fact];
  const list = leaf.op === "in" || leaf.op === "not_in";
  const choices = CHOICES[leaf.fact] ?? [];
  const picked = leaf.value.split(",").map((s) => s.trim());
  const toggle = (c: string) => {
    const next = picked.includes(c) ? picked.filter((x) => x !== c) : [...picked.filter(Boolean), c];
    onChange({ ...leaf, value: next.join(", ") });
  };
  return (
    <div className="row">
      <div className="col-md-4">
        <SelectField
          id={`${id}-fact`}
          label={t("catalogue.callEditor.fact")}
          value={leaf.fact}
          onChange={setFact}
          error={err("fact")}
        >
          {FACTS.map((f) => (
            <option key={f} value={f}>
              {t(`portal.facts.${f}.label`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-md-3">
        <SelectField
          id={`${id}-op`}
          label={t("catalogue.callEditor.op")}
          value={leaf.op}
          onChange={(op) => onChange({ ...leaf, op })}
          error={err("op")}
        >
          {opsFor(leaf.fact).map((o) => (
            <option key={o} value={o}>
              {t(`catalogue.callEditor.ops.${o}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-md-5">
        {type === "boolean" || (type === "choice" && !list) ? (
          <SelectField
            id={`${id}-value`}
            label={t("catalogue.callEditor.value")}
            value={leaf.value}
            onChange={(value) => onChange({ ...leaf, value })}
            error={err("value")}
          >
            <option value="">—</option>
            {(type === "boolean" ? ["yes", "no"] : choices).map((c) => (
              <option key={c} value={c}>
                {t(`portal.facts.choices.${c}`)}
              </option>
            ))}
          </SelectField>
        ) : list ? (
          <fieldset aria-describedby={err("value") ? `${id}-value-error` : undefined}>
            <legend className="fs-6 fw-normal">{t("catalogue.callEditor.values")}</legend>
            {choices.map((c) => (
              <div className="form-check" key={c}>
                <input id={`${id}-v-${c}`} type="checkbox" checked={picked.includes(c)} onChange={() => toggle(c)} />
                <label htmlFor={`${id}-v-${c}`}>{t(`portal.facts.choices.${c}`)}</label>
              </div>
            ))}
            {err("value") ? (
              <div id={`${id}-value-error`} className="invalid-feedback d-block field-error">
                {err("value")}
              </div>
            ) : null}
          </fieldset>
        ) : (
          <TextField
            id={`${id}-value`}
            label={t("catalogue.callEditor.value")}
            value={leaf.value}
            onChange={(value) => onChange({ ...leaf, value })}
            error={err("value")}
            hint={type === "money" ? t("catalogue.callEditor.euroHint") : undefined}
            inputMode="decimal"
          />
        )}
      </div>
    </div>
  );
}

/** A label in Italian and English, required by the portal. */
export function LabelFields({
  id,
  it,
  en,
  onChange,
  err,
}: {
  id: string;
  it: string;
  en: string;
  onChange: (it: string, en: string) => void;
  err: (lang: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-md-6">
        <TextField
          id={`${id}-it`}
          label={t("catalogue.callEditor.labelIt")}
          value={it}
          onChange={(v) => onChange(v, en)}
          error={err("it")}
        />
      </div>
      <div className="col-md-6">
        <TextField
          id={`${id}-en`}
          label={t("catalogue.callEditor.labelEn")}
          value={en}
          onChange={(v) => onChange(it, v)}
          error={err("en")}
        />
      </div>
    </div>
  );
}

/** Errors the JSON of an advanced rule may have anywhere inside it: show the first. */
export const firstUnder = (err: ErrorOf, prefix: string) => err(`__under__${prefix}`);

export function JsonField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {t("catalogue.callEditor.advanced")}
      </label>
      <textarea
        id={id}
        className={`form-control font-monospace ${error ? "is-invalid" : ""}`}
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <small id={`${id}-hint`} className="form-text">
        {t("catalogue.callEditor.advancedHint")}
      </small>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}
