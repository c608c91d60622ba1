import { useTranslation } from "react-i18next";
import type { EvaluationDto } from "./data.ts";

const BADGE = {
  pass: "bg-success",
  fail: "bg-danger",
  unknown: "bg-warning text-dark",
  not_applicable: "bg-secondary",
};

/** The rule engine's verdict with the reason for each requirement, in the reader's language. */
export function EvaluationView({ evaluation }: { evaluation: EvaluationDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "it";
  const tone =
    evaluation.status === "eligible"
      ? "alert-success"
      : evaluation.status === "not_eligible"
        ? "alert-danger"
        : "alert-warning";
  return (
    <section aria-live="polite" data-testid="evaluation">
      <div className={`alert ${tone}`} role="status">
        <p className="h5 mb-0">{t(`portal.evaluation.${evaluation.status}`)}</p>
      </div>
      <ul className="list-unstyled">
        {evaluation.results.map((r) => (
          <li key={r.id} className="mb-2">
            <span className={`badge ${BADGE[r.outcome]} me-2`}>{t(`portal.evaluation.outcome.${r.outcome}`)}</span>
            <strong>{r.label[lang]}</strong>
            <div className="small">{r.explanation[lang]}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
