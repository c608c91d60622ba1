import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { base, type CaseListItem, formatDate, type Task } from "./data.ts";

/** The social worker's caseload and open tasks, soonest first. */
export function MyWork() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const names = comuneNames(useAmbitoDetail(ambito.slug).data);
  const cases = useQuery({
    queryKey: ["my-cases", ambito.slug],
    queryFn: () =>
      api.get<{ items: CaseListItem[]; total: number }>(`${base(ambito.slug)}/cases`, {
        mine: "true",
        status: "open",
        limit: 50,
      }),
  });
  const tasks = useQuery({
    queryKey: ["my-tasks", ambito.slug],
    queryFn: () => api.get<{ items: Task[] }>(`${base(ambito.slug)}/tasks`),
  });
  return (
    <div className="row mt-5">
      <section className="col-12 col-lg-7" aria-labelledby="my-cases-title">
        <h2 id="my-cases-title" className="h3">
          {t("cases.mine.title")}
        </h2>
        {cases.isError ? <ErrorAlert error={cases.error} /> : null}
        {cases.data?.items.length === 0 ? <p>{t("cases.mine.none")}</p> : null}
        {cases.data?.items.length ? (
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t("cases.mine.caption", { count: cases.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cases.fields.person")}</th>
                  <th scope="col">{t("cases.fields.userArea")}</th>
                  <th scope="col">{t("cases.fields.comune")}</th>
                  <th scope="col">{t("cases.fields.openedOn")}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/a/${ambito.slug}/cartella/casi/${c.id}`}>
                        {c.familyName} {c.givenName}
                      </Link>
                    </th>
                    <td>{t(`cases.areas.${c.userArea}`)}</td>
                    <td>{names.get(c.comuneIstat) ?? c.comuneIstat}</td>
                    <td>{formatDate(c.openedOn, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="col-12 col-lg-5" aria-labelledby="my-tasks-title">
        <h2 id="my-tasks-title" className="h3">
          {t("cases.tasks.mine")}
        </h2>
        {tasks.isError ? <ErrorAlert error={tasks.error} /> : null}
        {tasks.data?.items.length === 0 ? <p>{t("cases.tasks.none")}</p> : null}
        <ul className="list-unstyled">
          {tasks.data?.items.map((task) => (
            <li key={task.id} className="mb-2">
              <time dateTime={task.dueOn} className="fw-semibold me-2">
                {formatDate(task.dueOn, i18n.language)}
              </time>
              {task.caseId ? (
                <Link to={`/a/${ambito.slug}/cartella/casi/${task.caseId}`}>{task.title}</Link>
              ) : (
                task.title
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
