import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { FactField } from "../portal/FactsForm.tsx";
import {
  CHOICES,
  condPath,
  emptyLeaf,
  FACT_TYPES,
  FACTS,
  type Leaf,
  newKey,
  opsFor,
  type RuleRow,
} from "./CallEditorModel.ts";

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

export const emptyRule = (n: number): RuleRow => ({
  key: newKey(),
  id: `requisito_${n}`,
  it: "",
  en: "",
  conds: [emptyLeaf()],
  json: "",
});

/** Eligibility: one card per rule; its conditions must all hold. */
export function RulesEditor({
  rows,
  onChange,
  err,
  locked,
}: {
  rows: RuleRow[];
  onChange: (r: RuleRow[]) => void;
  err: ErrorOf;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const put = (i: number, r: RuleRow) => onChange(rows.map((x, k) => (k === i ? r : x)));
  return (
    <fieldset disabled={locked} data-testid="rules">
      <legend className="h4">{t("catalogue.callEditor.eligibility")}</legend>
      {err("eligibility") ? <div className="alert alert-danger field-error">{err("eligibility")}</div> : null}
      {rows.map((r, i) => {
        const p = `rule-${r.key}`;
        return (
          <div className="card card-bg mb-3 p-3" key={r.key}>
            <h3 className="h5">{t("catalogue.callEditor.ruleN", { n: i + 1 })}</h3>
            <TextField
              id={`${p}-id`}
              label={t("catalogue.callEditor.ruleId")}
              value={r.id}
              onChange={(id) => put(i, { ...r, id })}
              error={err(`eligibility.${i}.id`)}
              hint={t("catalogue.callEditor.idHint")}
            />
            <LabelFields
              id={`${p}-label`}
              it={r.it}
              en={r.en}
              onChange={(it, en) => put(i, { ...r, it, en })}
              err={(l) => err(`eligibility.${i}.label.${l}`)}
            />
            {r.conds === null ? (
              <JsonField
                id={`${p}-json`}
                value={r.json}
                onChange={(json) => put(i, { ...r, json })}
                error={
                  err(`eligibility.${i}.test`) ?? err(`eligibility.${i}.when`) ?? firstUnder(err, `eligibility.${i}.`)
                }
              />
            ) : (
              r.conds.map((c, j) => (
                <div key={c.key}>
                  <LeafFields
                    id={`${p}-c${j}`}
                    leaf={c}
                    err={(f) => err(condPath(i, r, j, f))}
                    onChange={(l) => put(i, { ...r, conds: r.conds?.map((x, k) => (k === j ? l : x)) ?? null })}
                  />
                  {(r.conds?.length ?? 0) > 1 ? (
                    <button
                      type="button"
                      className="btn btn-link btn-sm"
                      onClick={() => put(i, { ...r, conds: r.conds?.filter((_, k) => k !== j) ?? null })}
                    >
                      {t("catalogue.callEditor.removeCond", { n: j + 1 })}
                    </button>
                  ) : null}
                </div>
              ))
            )}
            <div>
              {r.conds !== null ? (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm me-2"
                  onClick={() => put(i, { ...r, conds: [...(r.conds ?? []), emptyLeaf()] })}
                >
                  {t("catalogue.callEditor.addCond")}
                </button>
              ) : null}
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => onChange(rows.filter((_, k) => k !== i))}
              >
                {t("catalogue.callEditor.removeRule", { n: i + 1 })}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-outline-primary mb-4"
        onClick={() => onChange([...rows, emptyRule(rows.length + 1)])}
      >
        {t("catalogue.callEditor.addRule")}
      </button>
    </fieldset>
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
