import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { Objective, PlanDocument } from "./data.ts";
import { EditorFrame } from "./EditorFrame.tsx";
import { centsOf, euroText, numberOf, useItemWrite, useLeps } from "./edit-data.ts";
import { editErrorsOf } from "./edit-messages.ts";
import { opt, TextAreaField, YesNoField } from "./fields.tsx";
import { PlanFrame } from "./PlanFrame.tsx";

type Plan = PlanDocument & { id: number; etag?: string };

/** /…/piani/:id/nuovo-obiettivo and /…/piani/:id/obiettivi/:code/modifica: the regional objective sheet as a form. */
export function ObjectiveEditPage() {
  const { t } = useTranslation();
  const code = useParams().code;
  const editing = code ? decodeURIComponent(code) : null;
  return (
    <PlanFrame view={editing ? t("planning.edit.objectiveEdit", { code: editing }) : t("planning.edit.objectiveNew")}>
      {(plan) => {
        const o = editing ? plan.objectives.find((x) => x.code === editing) : undefined;
        if (editing && !o) return <p>{t("errors.notFound")}</p>;
        return <ObjectiveForm key={`${plan.id}-${editing ?? ""}`} plan={plan} o={o} />;
      }}
    </PlanFrame>
  );
}

const TEXTS = [
  "need",
  "targetGroup",
  "actionsSummary",
  "staff",
  "fundingSource",
  "timeline",
  "partners",
  "thirdSectorInvolvement",
  "newNeed",
  "interventionType",
  "digital",
] as const;
const FLAGS = [
  "asstInAnalysis",
  "asstInDelivery",
  "otherAmbiti",
  "continuity",
  "premialContinuity",
  "coProgrammed",
  "coDesigned",
  "innovative",
] as const;

function ObjectiveForm({ plan, o }: { plan: Plan; o: Objective | undefined }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const navigate = useNavigate();
  const { save, remove } = useItemWrite(ambito.slug, plan.id);
  const leps = useLeps(ambito.slug);
  const [etag] = useState(plan.etag);
  const [code, setCode] = useState(o?.code ?? "");
  const [v, setV] = useState({
    macroArea: o?.macroArea ?? plan.macroAreas[0]?.code ?? "",
    level: o?.level ?? ("general" as Objective["level"]),
    parent: o?.parent ?? "",
    kind: o?.kind ?? "",
    title: o?.title ?? "",
    budget: euroText(o?.budgetCents),
    weight: String(o?.weight ?? 1),
    leps: o?.leps ?? [],
  });
  const [texts, setTexts] = useState(Object.fromEntries(TEXTS.map((k) => [k, o?.[k] ?? ""])));
  const [flags, setFlags] = useState(Object.fromEntries(FLAGS.map((k) => [k, o?.[k] ?? null])));
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...editErrorsOf(save.error, t), ...local };
  const set = (k: keyof typeof v) => (x: string) => setV((old) => ({ ...old, [k]: x }));
  const sheet = (k: string) => `/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi/${encodeURIComponent(k)}/`;
  const back = () => navigate(o ? sheet(o.code) : `/a/${ambito.slug}/programmazione/piani/${plan.id}`);
  const generals = plan.objectives.filter((x) => x.level === "general" && x.code !== o?.code);
  const hangs = o
    ? plan.objectives.some((x) => x.parent === o.code) ||
      plan.indicators.some((i) => i.objective === o.code) ||
      plan.actions.some((a) => a.objective === o.code)
    : true;

  const submit = () => {
    const key = code.trim();
    const found: Record<string, string> = {};
    if (!o && !key) found.code = t("errors.fields.required");
    else if (!o && plan.objectives.some((x) => x.code === key)) found.code = t("planning.edit.codeTaken");
    if (Number.isNaN(centsOf(v.budget))) found.budgetCents = t("planning.edit.notAnAmount");
    if (Number.isNaN(numberOf(v.weight))) found.weight = t("planning.edit.notANumber");
    setLocal(found);
    if (Object.keys(found).length) return;
    const body = {
      ...(o ?? {}),
      code: undefined,
      macroArea: v.macroArea,
      level: v.level,
      parent: v.level === "specific" ? opt(v.parent) : null,
      kind: v.kind || null,
      title: v.title.trim(),
      budgetCents: centsOf(v.budget),
      weight: numberOf(v.weight) ?? 1,
      leps: v.leps,
      ...Object.fromEntries(TEXTS.map((k) => [k, opt(texts[k] ?? "")])),
      ...flags,
    };
    save.mutate({ list: "objectives", code: key, body, etag }, { onSuccess: () => navigate(sheet(key)) });
  };
  const text = (k: (typeof TEXTS)[number], area = true) =>
    area ? (
      <TextAreaField
        id={`objective-${k}`}
        label={t(`planning.edit.objective.${k}`)}
        value={texts[k] ?? ""}
        onChange={(x) => setTexts((old) => ({ ...old, [k]: x }))}
        error={errors[k]}
      />
    ) : (
      <TextField
        id={`objective-${k}`}
        label={t(`planning.edit.objective.${k}`)}
        value={texts[k] ?? ""}
        onChange={(x) => setTexts((old) => ({ ...old, [k]: x }))}
        error={errors[k]}
      />
    );
  return (
    <EditorFrame
      plan={plan}
      title={o ? t("planning.edit.objectiveEdit", { code: o.code }) : t("planning.edit.objectiveNew")}
      error={save.error ?? remove.error}
      pending={save.isPending || remove.isPending}
      onSubmit={submit}
      onCancel={back}
      onDelete={
        o && !hangs
          ? () =>
              remove.mutate(
                { list: "objectives", code: o.code, etag },
                { onSuccess: () => navigate(`/a/${ambito.slug}/programmazione/piani/${plan.id}`) },
              )
          : undefined
      }
    >
      {o && hangs ? <p className="small">{t("planning.edit.objectiveInUse")}</p> : null}
      <div className="row">
        <div className="col-md-3">
          <TextField
            id="objective-code"
            label={t("planning.objective.code")}
            value={code}
            onChange={setCode}
            error={errors.code}
            disabled={Boolean(o)}
            hint={o ? undefined : t("planning.edit.codeHint")}
            required
          />
        </div>
        <div className="col-md-9">
          <TextField
            id="objective-title"
            label={t("planning.objective.title")}
            value={v.title}
            onChange={set("title")}
            error={errors.title}
            required
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="objective-macroArea"
            label={t("planning.objective.macroArea")}
            value={v.macroArea}
            onChange={set("macroArea")}
            error={errors.macroArea}
          >
            {plan.macroAreas.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code} · {m.title}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-md-3">
          <SelectField id="objective-level" label={t("planning.edit.level")} value={v.level} onChange={set("level")}>
            <option value="general">{t("planning.level.general")}</option>
            <option value="specific">{t("planning.level.specific")}</option>
          </SelectField>
        </div>
        <div className="col-md-3">
          <SelectField id="objective-kind" label={t("planning.objective.kind")} value={v.kind} onChange={set("kind")}>
            <option value="">{t("planning.edit.notStated")}</option>
            {(["strategic", "innovative", "consolidation"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`planning.kind.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {v.level === "specific" ? (
          <div className="col-12">
            <SelectField
              id="objective-parent"
              label={t("planning.edit.parent")}
              value={v.parent}
              onChange={set("parent")}
              error={errors.parent}
            >
              <option value="">{t("planning.edit.choose")}</option>
              {generals.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.code} · {g.title}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
      </div>
      {text("need")}
      {text("targetGroup")}
      {text("actionsSummary")}
      {text("staff")}
      <div className="row">
        <div className="col-md-4">
          <TextField
            id="objective-budget"
            label={t("planning.edit.objective.budget")}
            value={v.budget}
            onChange={set("budget")}
            inputMode="decimal"
            error={errors.budgetCents}
          />
        </div>
        <div className="col-md-6">{text("fundingSource", false)}</div>
        <div className="col-md-2">
          <TextField
            id="objective-weight"
            label={t("planning.edit.weight")}
            value={v.weight}
            onChange={set("weight")}
            inputMode="decimal"
            error={errors.weight}
          />
        </div>
      </div>
      {text("timeline")}
      {text("partners")}
      <fieldset className="mb-4">
        <legend className="h5">{t("planning.objective.leps")}</legend>
        {errors.leps ? <div className="invalid-feedback d-block field-error">{errors.leps}</div> : null}
        {(leps.data ?? []).map((l) => (
          <div className="form-check" key={l.code}>
            <input
              id={`objective-leps-${l.code}`}
              type="checkbox"
              checked={v.leps.includes(l.code)}
              onChange={(e) =>
                setV((old) => ({
                  ...old,
                  leps: e.target.checked ? [...old.leps, l.code] : old.leps.filter((x) => x !== l.code),
                }))
              }
            />
            <label htmlFor={`objective-leps-${l.code}`}>
              {l.code} · {l.title}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">{t("planning.edit.integration")}</legend>
        <div className="row">
          {FLAGS.map((k) => (
            <div className="col-md-6" key={k}>
              <YesNoField
                id={`objective-${k}`}
                label={t(`planning.edit.objective.${k}`)}
                value={flags[k]}
                onChange={(x) => setFlags((old) => ({ ...old, [k]: x }))}
              />
            </div>
          ))}
        </div>
      </fieldset>
      {text("thirdSectorInvolvement")}
      {text("newNeed")}
      {text("interventionType", false)}
      {text("digital")}
    </EditorFrame>
  );
}
