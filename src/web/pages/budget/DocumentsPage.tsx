import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { useDocuments } from "./data.ts";

/** /a/:ambito/bilancio: the imported budget documents, and the way to the Ambito's funds. */
export function DocumentsPage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const docs = useDocuments(ambito.slug);
  const root = `/a/${ambito.slug}/bilancio`;
  return (
    <>
      <PageHeader
        title={t("sections.budget.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("budget.documents.lead")}
      />
      <p>
        <Link className="btn btn-primary me-2 mb-2" to={`${root}/fondi`}>
          {t("budget.funds.link")}
        </Link>
        <Link className="btn btn-outline-primary me-2 mb-2" to={`${root}/costi`}>
          {t("budget.costs.link")}
        </Link>
        {canAny(ambito, ["budget:write"]) ? (
          <Link className="btn btn-outline-primary mb-2" to={`${root}/importa`}>
            {t("budget.import.link")}
          </Link>
        ) : null}
      </p>
      <h2 className="h4 mt-4">{t("budget.documents.title")}</h2>
      {docs.isPending ? <Loading /> : null}
      {docs.isError ? <ErrorAlert error={docs.error} /> : null}
      {docs.data && docs.data.length === 0 ? <p>{t("budget.documents.none")}</p> : null}
      {docs.data?.length ? (
        <ScrollTable label={t("budget.documents.title")}>
          <table className="table table-striped">
            <caption>{t("budget.documents.caption", { count: docs.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.documents.document")}</th>
                <th scope="col">{t("budget.documents.year")}</th>
                <th scope="col">{t("budget.documents.kind")}</th>
                <th scope="col" className="text-end">
                  {t("budget.documents.lines")}
                </th>
                <th scope="col">{t("budget.documents.checks")}</th>
                <th scope="col">{t("budget.documents.imported")}</th>
              </tr>
            </thead>
            <tbody>
              {docs.data.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`${root}/documenti/${d.id}`}>{d.title}</Link>
                    <div className="small text-muted-strong">{d.sourceFile}</div>
                  </th>
                  <td>{d.year}</td>
                  <td>{t(`budget.kinds.${d.kind}`)}</td>
                  <td className="text-end">{d.lines.toLocaleString(i18n.language)}</td>
                  <td>
                    {d.checksFailed ? (
                      <span className="badge bg-danger">{t("budget.documents.failed", { count: d.checksFailed })}</span>
                    ) : (
                      <span className="badge bg-success">{t("budget.documents.allPassed")}</span>
                    )}
                  </td>
                  <td>{new Date(d.importedAt).toLocaleDateString(i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </>
  );
}
