import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { base } from "../cases/data.ts";

interface ReportItem {
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  purpose: string | null;
  outcome: string;
}

/** "Who read my file": the audited accesses to the person and their cases, on request. */
export function AccessReport({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const [shown, setShown] = useState(false);
  const report = useQuery({
    queryKey: ["access-report", ambito.slug, personId],
    queryFn: () => api.get<{ items: ReportItem[] }>(`${base(ambito.slug)}/people/${personId}/access-report`),
    enabled: shown,
  });
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  return (
    <section aria-labelledby="report-title" className="mb-5">
      <h2 id="report-title" className="h3">
        {t("cases.report.title")}
      </h2>
      <p>{t("cases.report.lead")}</p>
      {shown ? null : (
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setShown(true)}>
          {t("cases.report.show")}
        </button>
      )}
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      {report.data ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("cases.report.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.report.at")}</th>
                <th scope="col">{t("cases.report.who")}</th>
                <th scope="col">{t("cases.report.action")}</th>
                <th scope="col">{t("cases.report.purpose")}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.items.map((r) => (
                <tr
                  key={`${r.at}-${r.action}-${r.userId}`}
                  className={r.outcome === "denied" ? "table-warning" : undefined}
                >
                  <td>{format.format(new Date(r.at))}</td>
                  <td>{r.userName ?? t("cases.report.system")}</td>
                  <td>
                    <code>{r.action}</code>
                    {r.outcome === "denied" ? ` (${t("cases.report.denied")})` : ""}
                  </td>
                  <td>{r.purpose ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
