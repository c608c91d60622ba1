import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { euro, type PlanDocument } from "./data.ts";
import { PlanFrame } from "./PlanFrame.tsx";

/** /a/:ambito/programmazione/piani/:id: macro-areas and their objectives. */
export function PlanPage() {
  const { t } = useTranslation();
  return <PlanFrame view={t("planning.tabs.overview")}>{(plan) => <Overview plan={plan} />}</PlanFrame>;
}

function Overview({ plan }: { plan: PlanDocument & { id: number } }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const root = `/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi`;
  const total = plan.objectives.reduce((s, o) => s + (o.budgetCents ?? 0), 0);
  return (
    <>
      {canAny(ambito, ["plan:write"]) ? (
        <p>
          <Link className="btn btn-primary" to={`/a/${ambito.slug}/programmazione/piani/${plan.id}/nuovo-obiettivo`}>
            {t("planning.edit.newObjective")}
          </Link>
        </p>
      ) : null}
      <dl className="row">
        <dt className="col-sm-4">{t("planning.plan.objectives")}</dt>
        <dd className="col-sm-8">{plan.objectives.length}</dd>
        <dt className="col-sm-4">{t("planning.plan.indicators")}</dt>
        <dd className="col-sm-8">{plan.indicators.length}</dd>
        <dt className="col-sm-4">{t("planning.plan.budget")}</dt>
        <dd className="col-sm-8">{euro(total, i18n.language)}</dd>
        {plan.previousPlan ? (
          <>
            <dt className="col-sm-4">{t("planning.plan.previous")}</dt>
            <dd className="col-sm-8">{plan.previousPlan.title}</dd>
          </>
        ) : null}
      </dl>
      {plan.macroAreas.map((area) => {
        const objectives = plan.objectives.filter((o) => o.macroArea === area.code);
        if (!objectives.length) return null;
        return (
          <section key={area.code} className="mb-4" aria-labelledby={`area-${area.code}`}>
            <h2 className="h4" id={`area-${area.code}`}>
              {area.code} · {area.title}
            </h2>
            <ScrollTable label={area.title}>
              <table className="table">
                <caption className="visually-hidden">{t("planning.plan.areaCaption", { area: area.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("planning.objective.code")}</th>
                    <th scope="col">{t("planning.objective.title")}</th>
                    <th scope="col">{t("planning.objective.kind")}</th>
                    <th scope="col" className="text-end">
                      {t("planning.objective.budget")}
                    </th>
                    <th scope="col" className="text-end">
                      {t("planning.plan.indicators")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {objectives.map((o) => (
                    <tr key={o.code}>
                      <td>{o.code}</td>
                      <th scope="row" className={o.level === "specific" ? "ps-4 fw-normal" : undefined}>
                        <Link to={`${root}/${encodeURIComponent(o.code)}/`}>{o.title}</Link>
                      </th>
                      <td>
                        {t(`planning.level.${o.level}`)}
                        {o.kind ? ` · ${t(`planning.kind.${o.kind}`)}` : ""}
                      </td>
                      <td className="text-end">{euro(o.budgetCents, i18n.language)}</td>
                      <td className="text-end">{plan.indicators.filter((i) => i.objective === o.code).length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        );
      })}
    </>
  );
}
