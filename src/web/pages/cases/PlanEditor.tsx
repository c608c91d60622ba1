import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, type CaseFile, today } from "./data.ts";

type Plan = NonNullable<CaseFile["plan"]>;
type Goal = Plan["goals"][number];

const newGoal = (n: number): Goal => ({
  id: `g${Date.now().toString(36)}${n}`,
  text: "",
  actions: [{ text: "", who: "" }],
});

/**
 * Writes the personalised plan. The editor sends the version it loaded: if a colleague saved in
 * the meantime the server answers 409 and the editor offers to reload instead of overwriting.
 */
export function PlanEditor({
  caseId,
  plan,
  onSaved,
  onReload,
}: {
  caseId: string;
  plan: Plan | null;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [v, setV] = useState({
    status: plan?.status ?? "draft",
    summary: plan?.summary ?? "",
    nextReviewOn: plan?.nextReviewOn ?? "",
    pattoSignedOn: plan?.pattoSignedOn ?? "",
  });
  const [goals, setGoals] = useState<Goal[]>(plan?.goals.length ? plan.goals : [newGoal(0)]);
  const save = useMutation({
    mutationFn: () =>
      api.post(`${base(ambito.slug)}/cases/${caseId}/plan`, {
        version: plan?.version ?? 0,
        status: v.status,
        summary: v.summary,
        goals: goals.map((g) => ({
          ...g,
          actions: g.actions
            .filter((a) => a.text.trim() || a.who.trim())
            .map((a) => ({ ...a, ...(a.due ? {} : { due: undefined }) })),
        })),
        ...(v.nextReviewOn ? { nextReviewOn: v.nextReviewOn } : {}),
        ...(v.pattoSignedOn ? { pattoSignedOn: v.pattoSignedOn } : {}),
      }),
    onSuccess: onSaved,
  });
  const errors = fieldErrorsOf(save.error, t);
  const conflict = save.error instanceof ApiError && save.error.status === 409 ? save.error.message : null;
  const setGoal = (i: number, g: Goal) => setGoals((all) => all.map((x, j) => (j === i ? g : x)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 my-3" aria-labelledby="plan-form-title">
      <h3 id="plan-form-title" className="h4">
        {plan ? t("cases.plan.edit", { version: plan.version }) : t("cases.plan.new")}
      </h3>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <p>{t("cases.plan.conflict")}</p>
          <p className="small">{conflict}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
            {t("cases.plan.reload")}
          </button>
        </div>
      ) : save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField
            id="plan-status"
            label={t("cases.plan.statusLabel")}
            value={v.status}
            onChange={(x) => setV({ ...v, status: x as Plan["status"] })}
          >
            {(["draft", "active", "closed"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`cases.plan.status.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id="plan-review"
            type="date"
            label={t("cases.plan.nextReview")}
            value={v.nextReviewOn}
            onChange={(x) => setV({ ...v, nextReviewOn: x })}
            error={errors.nextReviewOn}
          />
        </div>
        <div className="col-6 col-md-4">
          <TextField
            id="plan-patto"
            type="date"
            label={t("cases.plan.patto")}
            value={v.pattoSignedOn}
            onChange={(x) => setV({ ...v, pattoSignedOn: x })}
            error={errors.pattoSignedOn}
            max={today()}
          />
        </div>
        <div className="col-12">
          <div className="form-group">
            <label htmlFor="plan-summary" className="active">
              {t("cases.plan.summary")}
            </label>
            <textarea
              id="plan-summary"
              className="form-control"
              rows={2}
              value={v.summary}
              onChange={(e) => setV({ ...v, summary: e.target.value })}
            />
          </div>
        </div>
      </div>
      {errors.goals ? <p className="invalid-feedback d-block">{errors.goals}</p> : null}
      {goals.map((g, i) => (
        <fieldset key={g.id} className="border rounded p-3 mb-3">
          <legend className="h6 float-none w-auto px-1">{t("cases.plan.goal", { n: i + 1 })}</legend>
          <TextField
            id={`goal-${i}`}
            label={t("cases.plan.goalText")}
            value={g.text}
            onChange={(x) => setGoal(i, { ...g, text: x })}
            error={errors[`goals.${i}.text`]}
          />
          {g.actions.map((a, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; their position is their identity while editing
            <div className="row" key={`${g.id}-${k}`}>
              <div className="col-12 col-md-6">
                <TextField
                  id={`goal-${i}-action-${k}`}
                  label={t("cases.plan.action")}
                  value={a.text}
                  onChange={(x) =>
                    setGoal(i, { ...g, actions: g.actions.map((y, m) => (m === k ? { ...y, text: x } : y)) })
                  }
                  error={errors[`goals.${i}.actions.${k}.text`]}
                />
              </div>
              <div className="col-6 col-md-3">
                <TextField
                  id={`goal-${i}-who-${k}`}
                  label={t("cases.plan.who")}
                  value={a.who}
                  onChange={(x) =>
                    setGoal(i, { ...g, actions: g.actions.map((y, m) => (m === k ? { ...y, who: x } : y)) })
                  }
                  error={errors[`goals.${i}.actions.${k}.who`]}
                />
              </div>
              <div className="col-6 col-md-3">
                <TextField
                  id={`goal-${i}-due-${k}`}
                  type="date"
                  label={t("cases.plan.due")}
                  value={a.due ?? ""}
                  onChange={(x) =>
                    setGoal(i, {
                      ...g,
                      actions: g.actions.map((y, m) => (m === k ? { ...y, due: x || undefined } : y)),
                    })
                  }
                />
              </div>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-link btn-sm"
            onClick={() => setGoal(i, { ...g, actions: [...g.actions, { text: "", who: "" }] })}
          >
            {t("cases.plan.addAction")}
          </button>
        </fieldset>
      ))}
      <div className="d-flex gap-2">
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => setGoals((all) => [...all, newGoal(all.length)])}
        >
          {t("cases.plan.addGoal")}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("cases.plan.save")}
        </button>
      </div>
    </form>
  );
}
