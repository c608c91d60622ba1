import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { base, type CaseListItem, formatDate } from "./data.ts";
import { MyAgenda } from "./MyAgenda.tsx";
import { MyWaiting } from "./MyWaiting.tsx";

/** The social worker's caseload, waiting lists and agenda (tasks and reviews due, overdue flagged). */
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
  return (
    <div className="row mt-5">
      <div className="col-12 col-lg-7">
        <section aria-labelledby="my-cases-title">
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
        <MyWaiting />
      </div>
      <div className="col-12 col-lg-5">
        <MyAgenda />
      </div>
    </div>
  );
}
