import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { base, formatDate } from "./data.ts";

interface WaitingItem {
  id: string;
  caseId: string;
  familyName: string;
  givenName: string;
  serviceName: string;
  requestedOn: string;
  priority: number;
  status: string;
  position: number | null;
}

/** The people of the worker's cases still waiting for a service, by priority, with their place in the queue. */
export function MyWaiting() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const waiting = useQuery({
    queryKey: ["my-waiting", ambito.slug],
    queryFn: () => api.get<{ items: WaitingItem[] }>(`${base(ambito.slug)}/waiting-list`),
  });
  return (
    <section aria-labelledby="my-waiting-title" className="mt-4">
      <h2 id="my-waiting-title" className="h3">
        {t("cases.agenda.waiting")}
      </h2>
      {waiting.isError ? <ErrorAlert error={waiting.error} /> : null}
      {waiting.data?.items.length === 0 ? <p>{t("cases.waiting.none")}</p> : null}
      {waiting.data?.items.length ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("cases.agenda.waiting")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.fields.person")}</th>
                <th scope="col">{t("cases.waiting.service")}</th>
                <th scope="col">{t("cases.waiting.priority")}</th>
                <th scope="col">{t("cases.waiting.position")}</th>
                <th scope="col">{t("cases.waiting.requestedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.data.items.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    <Link to={`/a/${ambito.slug}/cartella/casi/${w.caseId}`}>
                      {w.familyName} {w.givenName}
                    </Link>
                  </th>
                  <td>{w.serviceName}</td>
                  <td>{t(`cases.waiting.priorities.${w.priority}`, { defaultValue: String(w.priority) })}</td>
                  <td>{w.position ?? t(`cases.waiting.status.${w.status}`, { defaultValue: w.status })}</td>
                  <td>{formatDate(w.requestedOn, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
