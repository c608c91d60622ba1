import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { BudgetDocumentDto } from "../../../shared/contracts/budget.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { NotFoundPage } from "../NotFoundPage.tsx";
import { BudgetTabs } from "./BudgetTabs.tsx";
import { useDocument } from "./data.ts";

/** Header, breadcrumbs and tabs shared by the views of one document. */
export function DocumentLayout({ view, children }: { view: string; children: (doc: BudgetDocumentDto) => ReactNode }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const id = Number(useParams().id);
  const doc = useDocument(ambito.slug, id);
  if (doc.missing || !Number.isInteger(id)) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={doc.data?.title ?? t("budget.documents.document")}
        documentTitle={`${view} · ${doc.data?.title ?? ""} · ${t("sections.budget.title")}`}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.budget.title"), to: `/a/${ambito.slug}/bilancio` },
        ]}
        lead={
          doc.data
            ? t("budget.document.lead", {
                year: doc.data.year,
                kind: t(`budget.kinds.${doc.data.kind}`),
                lines: doc.data.lines,
              })
            : undefined
        }
      />
      <BudgetTabs id={id} />
      {doc.isPending ? <Loading /> : null}
      {doc.isError ? <ErrorAlert error={doc.error} /> : null}
      {doc.data ? children(doc.data) : null}
    </>
  );
}
