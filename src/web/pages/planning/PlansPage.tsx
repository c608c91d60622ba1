import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { usePlans } from "./data.ts";
import { PlanImportForm } from "./PlanImportForm.tsx";

/** /a/:ambito/programmazione: the Ambito's Piani di Zona, newest first. */
export function PlansPage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const plans = usePlans(ambito.slug);
  const root = `/a/${ambito.slug}/programmazione`;
  return (
    <>
      <PageHeader
        title={t("sections.planning.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("planning.plans.lead", { ambito: ambito.name })}
      />
      <nav aria-label={t("planning.governance.navLabel")} className="mb-4">
        <Link to={`${root}/governance`}>{t("planning.governance.link")}</Link>
      </nav>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <ErrorAlert error={plans.error} /> : null}
      {plans.data && plans.data.length === 0 ? <p>{t("planning.plans.none")}</p> : null}
      {plans.data?.length ? (
        <ScrollTable label={t("planning.plans.title")}>
          <table className="table table-striped">
            <caption>{t("planning.plans.caption", { count: plans.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("planning.plans.plan")}</th>
                <th scope="col">{t("planning.plans.period")}</th>
                <th scope="col">{t("planning.plans.status")}</th>
                <th scope="col">{t("planning.plans.version")}</th>
                <th scope="col">{t("planning.plans.approval")}</th>
                <th scope="col" className="text-end">
                  {t("planning.plans.objectives")}
                </th>
                <th scope="col" className="text-end">
                  {t("planning.plans.indicators")}
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`${root}/piani/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>
                    {p.period_start}-{p.period_end}
                  </td>
                  <td>{t(`planning.planStatus.${p.status}`)}</td>
                  <td>{p.version}</td>
                  <td>
                    {p.approval_act
                      ? `${p.approval_act} (${new Date(p.approval_date ?? "").toLocaleDateString(i18n.language)})`
                      : "—"}
                  </td>
                  <td className="text-end">{p.objectives}</td>
                  <td className="text-end">{p.indicators}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {canAny(ambito, ["plan:write"]) ? <PlanImportForm slug={ambito.slug} root={root} /> : null}
    </>
  );
}
