import { useTranslation } from "react-i18next";
import { TextField } from "../../components/TextField.tsx";
import { type ErrorOf, firstUnder, JsonField, LabelFields, LeafFields } from "./CallEditorFields.tsx";
import { condPath, emptyLeaf, newKey, type RuleRow } from "./CallEditorModel.ts";

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
