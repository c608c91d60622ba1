import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { FactField } from "../portal/FactsForm.tsx";
import { type ErrorOf, firstUnder, JsonField, LabelFields, LeafFields } from "./CallEditorFields.tsx";
import { emptyLeaf, FACT_TYPES, FACTS, newKey, type PartRow, type TieRow } from "./CallEditorModel.ts";

const NUMERIC = FACTS.filter((f) => FACT_TYPES[f] === "money" || FACT_TYPES[f] === "number");

const emptyPart = (n: number): PartRow => ({
  key: newKey(),
  id: `punteggio_${n}`,
  it: "",
  en: "",
  kind: "flag",
  fact: "isee_cents",
  from: "",
  to: "",
  points: "",
  cond: emptyLeaf(),
  json: "",
});

/** Scoring: linear parts (points at "from", none at "to") or points when a condition holds. */
export function ScoringEditor({
  rows,
  onChange,
  err,
  locked,
}: {
  rows: PartRow[];
  onChange: (r: PartRow[]) => void;
  err: ErrorOf;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const put = (i: number, r: PartRow) => onChange(rows.map((x, k) => (k === i ? r : x)));
  return (
    <fieldset disabled={locked} data-testid="scoring">
      <legend className="h4">{t("catalogue.callEditor.scoring")}</legend>
      <p>{t("catalogue.callEditor.scoringLead")}</p>
      {err("scoring") ? <div className="alert alert-danger field-error">{err("scoring")}</div> : null}
      {rows.map((p, i) => {
        const id = `part-${p.key}`;
        const at = (f: string) => err(`scoring.parts.${i}.${f}`);
        const money = FACT_TYPES[p.fact] === "money";
        return (
          <div className="card card-bg mb-3 p-3" key={p.key}>
            <h3 className="h5">{t("catalogue.callEditor.partN", { n: i + 1 })}</h3>
            <div className="row">
              <div className="col-md-6">
                <TextField
                  id={`${id}-id`}
                  label={t("catalogue.callEditor.partId")}
                  value={p.id}
                  onChange={(v) => put(i, { ...p, id: v })}
                  error={at("id")}
                  hint={t("catalogue.callEditor.idHint")}
                />
              </div>
              <div className="col-md-6">
                <SelectField
                  id={`${id}-kind`}
                  label={t("catalogue.callEditor.partKind")}
                  value={p.kind}
                  onChange={(v) => put(i, { ...p, kind: v as PartRow["kind"] })}
                >
                  <option value="linear">{t("catalogue.callEditor.kinds.linear")}</option>
                  <option value="flag">{t("catalogue.callEditor.kinds.flag")}</option>
                  {p.kind === "json" ? <option value="json">{t("catalogue.callEditor.kinds.json")}</option> : null}
                </SelectField>
              </div>
            </div>
            <LabelFields
              id={`${id}-label`}
              it={p.it}
              en={p.en}
              onChange={(it, en) => put(i, { ...p, it, en })}
              err={(l) => at(`label.${l}`)}
            />
            {p.kind === "linear" ? (
              <div className="row">
                <div className="col-md-6">
                  <SelectField
                    id={`${id}-fact`}
                    label={t("catalogue.callEditor.fact")}
                    value={p.fact}
                    onChange={(v) => put(i, { ...p, fact: v as FactField })}
                    error={at("linear.fact")}
                  >
                    {NUMERIC.map((f) => (
                      <option key={f} value={f}>
                        {t(`portal.facts.${f}.label`)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <div className="col-md-2">
                  <TextField
                    id={`${id}-from`}
                    label={t("catalogue.callEditor.from")}
                    value={p.from}
                    onChange={(v) => put(i, { ...p, from: v })}
                    error={at("linear.from")}
                    inputMode="decimal"
                    hint={money ? t("catalogue.callEditor.euroHint") : undefined}
                  />
                </div>
                <div className="col-md-2">
                  <TextField
                    id={`${id}-to`}
                    label={t("catalogue.callEditor.to")}
                    value={p.to}
                    onChange={(v) => put(i, { ...p, to: v })}
                    error={at("linear.to")}
                    inputMode="decimal"
                  />
                </div>
                <div className="col-md-2">
                  <TextField
                    id={`${id}-points`}
                    label={t("catalogue.callEditor.points")}
                    value={p.points}
                    onChange={(v) => put(i, { ...p, points: v })}
                    error={at("linear.points")}
                    inputMode="decimal"
                  />
                </div>
              </div>
            ) : (
              <>
                {p.kind === "flag" ? (
                  <LeafFields
                    id={`${id}-when`}
                    leaf={p.cond}
                    onChange={(cond) => put(i, { ...p, cond })}
                    err={(f) => at(`when.${f}`)}
                  />
                ) : (
                  <JsonField
                    id={`${id}-json`}
                    value={p.json}
                    onChange={(json) => put(i, { ...p, json })}
                    error={at("when") ?? firstUnder(err, `scoring.parts.${i}.when.`)}
                  />
                )}
                <div className="col-md-3">
                  <TextField
                    id={`${id}-points`}
                    label={t("catalogue.callEditor.points")}
                    value={p.points}
                    onChange={(v) => put(i, { ...p, points: v })}
                    error={at("points")}
                    inputMode="decimal"
                  />
                </div>
              </>
            )}
            <div>
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => onChange(rows.filter((_, k) => k !== i))}
              >
                {t("catalogue.callEditor.removePart", { n: i + 1 })}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-outline-primary mb-4"
        onClick={() => onChange([...rows, emptyPart(rows.length + 1)])}
      >
        {t("catalogue.callEditor.addPart")}
      </button>
    </fieldset>
  );
}

/** Tie-breaks in order of precedence: after the score, then the earlier submission. */
export function TieBreaksEditor({
  rows,
  onChange,
  err,
  locked,
}: {
  rows: TieRow[];
  onChange: (r: TieRow[]) => void;
  err: ErrorOf;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const put = (i: number, r: TieRow) => onChange(rows.map((x, k) => (k === i ? r : x)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (row) next.splice(i + d, 0, row);
    onChange(next);
  };
  return (
    <fieldset disabled={locked} data-testid="tie-breaks">
      <legend className="h4">{t("catalogue.callEditor.tieBreaks")}</legend>
      <p>{t("catalogue.callEditor.tieBreaksLead")}</p>
      <ol>
        {rows.map((r, i) => (
          <li key={r.key}>
            <div className="row align-items-start">
              <div className="col-md-5">
                <SelectField
                  id={`tie-${r.key}-fact`}
                  label={t("catalogue.callEditor.fact")}
                  value={r.fact}
                  onChange={(v) => put(i, { ...r, fact: v as FactField })}
                  error={err(`scoring.tieBreaks.${i}.fact`)}
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
                  id={`tie-${r.key}-order`}
                  label={t("catalogue.callEditor.order")}
                  value={r.order}
                  onChange={(v) => put(i, { ...r, order: v as TieRow["order"] })}
                  error={err(`scoring.tieBreaks.${i}.order`)}
                >
                  <option value="asc">{t("catalogue.callEditor.asc")}</option>
                  <option value="desc">{t("catalogue.callEditor.desc")}</option>
                </SelectField>
              </div>
              <div className="col-md-4 pt-4">
                <button type="button" className="btn btn-link btn-sm" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t("catalogue.callEditor.up", { n: i + 1 })}
                </button>
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  onClick={() => onChange(rows.filter((_, k) => k !== i))}
                >
                  {t("catalogue.callEditor.removeTie", { n: i + 1 })}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-outline-primary mb-4"
        onClick={() => onChange([...rows, { key: newKey(), fact: "isee_cents", order: "asc" }])}
      >
        {t("catalogue.callEditor.addTie")}
      </button>
    </fieldset>
  );
}
