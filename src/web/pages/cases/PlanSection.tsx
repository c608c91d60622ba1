import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CaseSection } from "./CaseSection.tsx";
import { daysUntil, formatDate, type SectionProps } from "./data.ts";
import { PlanEditor } from "./PlanEditor.tsx";
import { PlanReviewForm } from "./PlanReviewForm.tsx";

/**
 * The personalised plan: goals and actions, the next review (highlighted when due), the reviews
 * with progress per goal. Editing sends the version read, so a colleague's change shows a conflict.
 */
export function PlanSection({ file, writable, refresh }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [panel, setPanel] = useState<"edit" | "review" | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const { plan } = file;
  const lang = i18n.language;
  const done = async () => {
    setPanel(null);
    await refresh();
  };
  const reload = async () => {
    await refresh();
    setEditorKey((n) => n + 1);
  };
  const goalText = new Map(plan?.goals.map((g) => [g.id, g.text]));
  const due = plan?.nextReviewOn ? daysUntil(plan.nextReviewOn) : null;
  return (
    <CaseSection
      id="plan"
      title={t("cases.plan.title")}
      {...(writable
        ? {
            action: panel === "edit" ? t("common.cancel") : t("cases.add.plan"),
            onAction: () => setPanel(panel === "edit" ? null : "edit"),
          }
        : {})}
    >
      {panel === "edit" ? (
        <PlanEditor key={editorKey} caseId={file.case.id} plan={plan} onSaved={done} onReload={reload} />
      ) : null}
      {plan ? (
        <>
          <p>
            {t(`cases.plan.status.${plan.status}`)} · v{plan.version}
            {plan.pattoSignedOn ? ` · ${t("cases.plan.pattoOn", { date: formatDate(plan.pattoSignedOn, lang) })}` : ""}
            {plan.nextReviewOn ? ` · ${t("cases.plan.reviewOn", { date: formatDate(plan.nextReviewOn, lang) })}` : ""}
          </p>
          {due !== null && due <= 7 && plan.status !== "closed" ? (
            <div className={`alert ${due < 0 ? "alert-danger" : "alert-warning"}`} role="status">
              {due < 0
                ? t("cases.planReview.overdue", { date: formatDate(plan.nextReviewOn, lang) })
                : t("cases.planReview.dueSoon", { date: formatDate(plan.nextReviewOn, lang) })}
            </div>
          ) : null}
          {plan.summary ? <p>{plan.summary}</p> : null}
          <ol>
            {plan.goals.map((g) => (
              <li key={g.id}>
                {g.text}
                <ul>
                  {g.actions.map((a) => (
                    <li key={`${a.text}-${a.who}`}>
                      {a.text} — {a.who}
                      {a.due ? ` (${formatDate(a.due, lang)})` : ""}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <div className="d-flex justify-content-between align-items-center mt-4">
            <h3 className="h5 mb-0">{t("cases.planReview.title")}</h3>
            {writable && plan.goals.length ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => setPanel(panel === "review" ? null : "review")}
              >
                {panel === "review" ? t("common.cancel") : t("cases.planReview.add")}
              </button>
            ) : null}
          </div>
          {panel === "review" ? (
            <PlanReviewForm caseId={file.case.id} plan={plan} onDone={done} onReload={() => void refresh()} />
          ) : null}
          {plan.reviews.length === 0 ? <p>{t("cases.planReview.none")}</p> : null}
          {plan.reviews.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reviews have no id in the contract; they never reorder
            <article key={`${r.reviewedOn}-${i}`} className="mb-3">
              <h4 className="h6 mb-1">{t("cases.planReview.of", { date: formatDate(r.reviewedOn, lang) })}</h4>
              <ul className="mb-1">
                {r.progress.map((p) => (
                  <li key={p.goalId}>
                    {goalText.get(p.goalId) ?? p.goalId}: <strong>{t(`cases.planReview.statuses.${p.status}`)}</strong>
                    {p.note ? ` — ${p.note}` : ""}
                  </li>
                ))}
              </ul>
              {r.note ? <p className="mb-0 text-break">{r.note}</p> : null}
            </article>
          ))}
        </>
      ) : (
        <p>{t("cases.plan.none")}</p>
      )}
    </CaseSection>
  );
}
