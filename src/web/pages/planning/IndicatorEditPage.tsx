import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type Indicator, type Objective, type PlanDocument, years } from "./data.ts";
import { EditorFrame } from "./EditorFrame.tsx";
import { numberOf, useItemWrite, useSources } from "./edit-data.ts";
import { editErrorsOf } from "./edit-messages.ts";
import { PlanFrame } from "./PlanFrame.tsx";

type Plan = PlanDocument & { id: number; etag?: string };
const UNITS = ["count", "percent", "eur", "yes_no", "text"] as const;
const TYPES = ["input", "output", "process", "outcome"] as const;
const DIRECTIONS = ["increase", "decrease", "reach"] as const;

/** /…/obiettivi/:code/indicatori/nuovo and …/indicatori/:indicator/modifica: an indicator with its target per year. */
export function IndicatorEditPage() {
  const { t } = useTranslation();
  const params = useParams();
  const objective = decodeURIComponent(params.code ?? "");
  const editing = params.indicator ? decodeURIComponent(params.indicator) : null;
  return (
    <PlanFrame view={editing ? t("planning.edit.indicatorEdit", { code: editing }) : t("planning.edit.indicatorNew")}>
      {(plan) => {
        const o = plan.objectives.find((x) => x.code === objective);
        const i = editing ? plan.indicators.find((x) => x.code === editing) : undefined;
        if (!o || (editing && !i)) return <p>{t("errors.notFound")}</p>;
        return <IndicatorForm key={`${plan.id}-${editing ?? ""}`} plan={plan} o={o} i={i} />;
      }}
    </PlanFrame>
  );
}

function IndicatorForm({ plan, o, i }: { plan: Plan; o: Objective; i: Indicator | undefined }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const { save, remove } = useItemWrite(ambito.slug, plan.id);
  const sources = useSources(ambito.slug);
  const [etag] = useState(plan.etag);
  const ys = years(plan);
  const [v, setV] = useState({
    code: i?.code ?? "",
    label: i?.label ?? "",
    type: i?.type ?? "output",
    unit: i?.unit ?? "count",
    direction: i?.direction ?? "increase",
    baseline: i?.baseline == null ? "" : String(i.baseline),
    source: i?.source ?? "manual",
    queryKey: i?.queryKey ?? "",
    weight: String(i?.weight ?? 1),
  });
  const [targets, setTargets] = useState<Record<number, string>>(
    Object.fromEntries(ys.map((y) => [y, String(i?.targets.find((x) => x.year === y)?.value ?? "")])),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...editErrorsOf(save.error, t), ...local };
  const set = (k: keyof typeof v) => (x: string) => setV((old) => ({ ...old, [k]: x }));
  const sheet = `/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi/${encodeURIComponent(o.code)}/`;
  const back = () => navigate(sheet);
  // Targets are sent in year order, so the server's `targets.N` is the N-th filled year.
  const filled = ys.filter((y) => (targets[y] ?? "").trim() !== "");
  const targetError = (y: number) => {
    const n = filled.indexOf(y);
    return local[`target.${y}`] ?? (n >= 0 ? (errors[`targets.${n}.value`] ?? errors[`targets.${n}.year`]) : undefined);
  };

  const submit = () => {
    const found: Record<string, string> = {};
    const code = v.code.trim();
    if (!i && !code) found.code = t("errors.fields.required");
    else if (!i && plan.indicators.some((x) => x.code === code)) found.code = t("planning.edit.codeTaken");
    for (const y of filled)
      if (Number.isNaN(numberOf(targets[y] ?? ""))) found[`target.${y}`] = t("planning.edit.notANumber");
    if (Number.isNaN(numberOf(v.baseline))) found.baseline = t("planning.edit.notANumber");
    if (v.source === "computed" && !v.queryKey) found.queryKey = t("errors.fields.required");
    setLocal(found);
    if (Object.keys(found).length) return;
    const body = {
      objective: o.code,
      label: v.label.trim(),
      type: v.type,
      unit: v.unit,
      direction: v.direction,
      baseline: numberOf(v.baseline),
      source: v.source,
      queryKey: v.source === "computed" ? v.queryKey : null,
      weight: numberOf(v.weight) ?? 1,
      targets: filled.map((year) => ({ year, value: numberOf(targets[year] ?? "") })),
    };
    save.mutate({ list: "indicators", code: i?.code ?? code, body, etag }, { onSuccess: back });
  };
  const pickSource = (key: string) => {
    const s = sources.data?.find((x) => x.key === key);
    setV((old) => ({ ...old, queryKey: key, unit: s?.unit ?? old.unit }));
  };
  return (
    <EditorFrame
      plan={plan}
      title={
        i
          ? t("planning.edit.indicatorEdit", { code: i.code })
          : t("planning.edit.indicatorNewFor", { objective: `${o.code} · ${o.title}` })
      }
      error={save.error ?? remove.error}
      pending={save.isPending || remove.isPending}
      onSubmit={submit}
      onCancel={back}
      onDelete={i ? () => remove.mutate({ list: "indicators", code: i.code, etag }, { onSuccess: back }) : undefined}
    >
      <div className="row">
        <div className="col-md-3">
          <TextField
            id="indicator-code"
            label={t("planning.indicator.code")}
            value={v.code}
            onChange={set("code")}
            error={errors.code}
            disabled={Boolean(i)}
            required
          />
        </div>
        <div className="col-md-9">
          <TextField
            id="indicator-label"
            label={t("planning.indicator.label")}
            value={v.label}
            onChange={set("label")}
            error={errors.label}
            required
          />
        </div>
        <div className="col-md-4">
          <SelectField id="indicator-type" label={t("planning.indicator.type")} value={v.type} onChange={set("type")}>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`planning.indicatorType.${x}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField id="indicator-unit" label={t("planning.indicator.unit")} value={v.unit} onChange={set("unit")}>
            {UNITS.map((x) => (
              <option key={x} value={x}>
                {t(`planning.unit.${x}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <SelectField
            id="indicator-direction"
            label={t("planning.edit.direction")}
            value={v.direction}
            onChange={set("direction")}
          >
            {DIRECTIONS.map((x) => (
              <option key={x} value={x}>
                {t(`planning.edit.directions.${x}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField
            id="indicator-baseline"
            label={t("planning.edit.baseline")}
            value={v.baseline}
            onChange={set("baseline")}
            inputMode="decimal"
            error={errors.baseline}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="indicator-source"
            label={t("planning.edit.source")}
            value={v.source}
            onChange={set("source")}
          >
            <option value="manual">{t("planning.edit.sources.manual")}</option>
            <option value="computed">{t("planning.edit.sources.computed")}</option>
          </SelectField>
        </div>
        <div className="col-md-4">
          <TextField
            id="indicator-weight"
            label={t("planning.edit.weight")}
            value={v.weight}
            onChange={set("weight")}
            inputMode="decimal"
            error={errors.weight}
          />
        </div>
        {v.source === "computed" ? (
          <div className="col-12">
            <SelectField
              id="indicator-query"
              label={t("planning.edit.query")}
              value={v.queryKey}
              onChange={pickSource}
              error={errors.queryKey}
            >
              <option value="">{t("planning.edit.choose")}</option>
              {(sources.data ?? []).map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label} ({t(`planning.unit.${s.unit}`)})
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
      </div>
      <fieldset className="mb-4">
        <legend className="h5">{t("planning.edit.targets")}</legend>
        <p className="small">{t("planning.edit.targetsHint")}</p>
        <div className="row">
          {ys.map((y) => (
            <div className="col-6 col-md-3" key={y}>
              <TextField
                id={`indicator-target-${y}`}
                label={t("planning.indicator.target", { year: y })}
                value={targets[y] ?? ""}
                onChange={(x) => setTargets((old) => ({ ...old, [y]: x }))}
                inputMode="decimal"
                error={targetError(y)}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </EditorFrame>
  );
}
