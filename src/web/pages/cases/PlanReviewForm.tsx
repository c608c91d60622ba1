import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { type CaseFile, today } from "./data.ts";
import { ActionForm, useCaseAction } from "./LifecycleForms.tsx";

type Plan = NonNullable<CaseFile["plan"]>;
export const GOAL_PROGRESS = ["not_started", "in_progress", "achieved", "dropped"] as const;

/** The plan's review period after a date, as the next review's proposal. */
function nextAfter(date: string, months: number | null) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + (months ?? 6));
  return d.toISOString().slice(0, 10);
}

/** A review (verifica) of the plan: progress and a note per goal, and when the next review falls. */
export function PlanReviewForm({
  caseId,
  plan,
  onDone,
  onReload,
}: {
  caseId: string;
  plan: Plan;
  onDone: () => Promise<unknown>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [reviewedOn, setReviewedOn] = useState(today());
  const [nextReviewOn, setNext] = useState(nextAfter(today(), plan.reviewEveryMonths));
  const [note, setNote] = useState("");
  const [progress, setProgress] = useState(
    plan.goals.map((g) => ({ goalId: g.id, status: "in_progress" as (typeof GOAL_PROGRESS)[number], note: "" })),
  );
  const save = useCaseAction(caseId, "plan/reviews", onDone);
  const errors = fieldErrorsOf(save.error, t);
  const set = (i: number, p: Partial<(typeof progress)[number]>) =>
    setProgress((all) => all.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <ActionForm
      id="review-form"
      title={t("cases.planReview.new")}
      submit={t("cases.planReview.save")}
      pending={save.isPending}
      error={save.error}
      onReload={onReload}
      onSubmit={() =>
        save.mutate({
          reviewedOn,
          progress: progress.map((p) => ({
            goalId: p.goalId,
            status: p.status,
            ...(p.note.trim() ? { note: p.note } : {}),
          })),
          ...(note.trim() ? { note } : {}),
          ...(nextReviewOn ? { nextReviewOn } : {}),
        })
      }
    >
      <div className="row">
        <div className="col-6">
          <TextField
            id="review-date"
            type="date"
            label={t("cases.planReview.date")}
            value={reviewedOn}
            onChange={setReviewedOn}
            error={errors.reviewedOn}
            max={today()}
          />
        </div>
        <div className="col-6">
          <TextField
            id="review-next"
            type="date"
            label={t("cases.planReview.next")}
            value={nextReviewOn}
            onChange={setNext}
            error={errors.nextReviewOn}
          />
        </div>
      </div>
      {plan.goals.map((g, i) => (
        <fieldset key={g.id} className="border rounded p-3 mb-3">
          <legend className="h6 float-none w-auto px-1">{g.text}</legend>
          <div className="row">
            <div className="col-12 col-md-4">
              <SelectField
                id={`review-goal-${i}`}
                label={t("cases.planReview.progress")}
                value={progress[i]?.status ?? "in_progress"}
                onChange={(x) => set(i, { status: x as (typeof GOAL_PROGRESS)[number] })}
                error={errors[`progress.${i}.status`] ?? errors[`progress.${i}.goalId`]}
              >
                {GOAL_PROGRESS.map((s) => (
                  <option key={s} value={s}>
                    {t(`cases.planReview.statuses.${s}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-12 col-md-8">
              <TextField
                id={`review-goal-${i}-note`}
                label={t("cases.planReview.goalNote")}
                value={progress[i]?.note ?? ""}
                onChange={(x) => set(i, { note: x })}
                error={errors[`progress.${i}.note`]}
              />
            </div>
          </div>
        </fieldset>
      ))}
      <TextField
        id="review-note"
        label={t("cases.planReview.note")}
        value={note}
        onChange={setNote}
        error={errors.note}
      />
    </ActionForm>
  );
}
