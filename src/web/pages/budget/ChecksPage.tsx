import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { DocumentLayout } from "./DocumentLayout.tsx";
import { useChecks } from "./data.ts";

/** /…/documenti/:id/controlli: every printed total recomputed at import, with its source line. */
export function ChecksPage() {
  const { t } = useTranslation();
  return (
    <DocumentLayout view={t("budget.tabs.checks")}>
      {(doc) => <Checks id={doc.id} overrideNote={doc.overrideNote} />}
    </DocumentLayout>
  );
}

function Checks({ id, overrideNote }: { id: number; overrideNote: string | null }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const checks = useChecks(ambito.slug, id);
  if (checks.isPending) return <Loading />;
  if (checks.isError) return <ErrorAlert error={checks.error} />;
  const failed = checks.data.filter((c) => !c.passed).length;
  return (
    <>
      <p className="lead" data-testid="checks-summary">
        {t("budget.checks.summary", { passed: checks.data.length - failed, failed })}
      </p>
      {overrideNote ? (
        <div className="alert alert-warning" role="note">
          {t("budget.checks.override", { note: overrideNote })}
        </div>
      ) : null}
      <ScrollTable label={t("budget.tabs.checks")}>
        <table className="table table-sm table-striped">
          <caption>{t("budget.checks.caption", { count: checks.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.checks.name")}</th>
              <th scope="col">{t("budget.checks.line")}</th>
              <th scope="col">{t("budget.checks.expected")}</th>
              <th scope="col">{t("budget.checks.found")}</th>
              <th scope="col">{t("budget.checks.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {checks.data.map((c) => (
              <tr key={c.seq}>
                <th scope="row" className="small">
                  {c.name}
                </th>
                <td>{c.line ?? "–"}</td>
                <td className="small">{c.expected}</td>
                <td className="small">{c.found}</td>
                <td>
                  <span className={`badge ${c.passed ? "bg-success" : "bg-danger"}`}>
                    {c.passed ? t("budget.checks.passed") : t("budget.checks.failed")}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
