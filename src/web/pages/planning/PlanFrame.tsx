import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { type PlanDocument, usePlan } from "./data.ts";
import { PlanTabs } from "./PlanTabs.tsx";

export function usePlanId(): number {
  return Number(useParams().id);
}

/** Header, breadcrumbs and tabs of one plan's pages; renders the page once the plan is loaded. */
export function PlanFrame({
  view,
  children,
}: {
  view: string;
  children: (plan: PlanDocument & { id: number; etag?: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const id = usePlanId();
  const plan = usePlan(ambito.slug, id);
  const root = `/a/${ambito.slug}/programmazione`;
  const title = plan.data ? plan.data.title : t("planning.planFallback");
  return (
    <>
      <PageHeader
        title={title}
        documentTitle={`${view} · ${title}`}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.planning.title"), to: root },
        ]}
        lead={
          plan.data
            ? t("planning.plan.lead", {
                period: `${plan.data.periodStart}-${plan.data.periodEnd}`,
                status: t(`planning.planStatus.${plan.data.status}`),
                version: plan.data.version ?? 1,
              })
            : undefined
        }
      />
      <PlanTabs id={id} />
      {plan.isPending ? <Loading /> : null}
      {plan.isError ? <ErrorAlert error={plan.error} /> : null}
      {plan.data ? children(plan.data) : null}
    </>
  );
}
