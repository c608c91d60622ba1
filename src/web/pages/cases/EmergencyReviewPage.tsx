import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { base, type EmergencyAccess } from "./data.ts";

/** The Ufficio di Piano reviews every emergency access: was opening the file justified? */
export function EmergencyReviewPage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ["emergency-access", ambito.slug],
    queryFn: () => api.get<{ items: EmergencyAccess[] }>(`${base(ambito.slug)}/emergency-access`),
  });
  const review = useMutation({
    mutationFn: (v: { id: number; outcome: "justified" | "unjustified" }) =>
      api.post(`${base(ambito.slug)}/emergency-access/${v.id}/review`, { outcome: v.outcome }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["emergency-access", ambito.slug] }),
  });
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <PageHeader
        title={t("cases.review.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("cases.review.lead")}
      />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {review.isError ? <ErrorAlert error={review.error} /> : null}
      {list.data?.items.length === 0 ? <p>{t("cases.review.none")}</p> : null}
      {list.data?.items.length ? (
        <div className="table-responsive">
          <table className="table">
            <caption>{t("cases.review.caption", { count: list.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.review.when")}</th>
                <th scope="col">{t("cases.review.who")}</th>
                <th scope="col">{t("cases.review.reason")}</th>
                <th scope="col">{t("cases.review.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((e) => (
                <tr key={e.id}>
                  <td>{format.format(new Date(e.openedAt))}</td>
                  <th scope="row">{e.userName}</th>
                  <td className="text-break">{e.reason}</td>
                  <td>
                    {e.reviewOutcome ? (
                      t(`cases.review.outcomes.${e.reviewOutcome}`)
                    ) : (
                      <div className="d-flex gap-2">
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          onClick={() => review.mutate({ id: e.id, outcome: "justified" })}
                        >
                          {t("cases.review.justify")}
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-danger"
                          onClick={() => review.mutate({ id: e.id, outcome: "unjustified" })}
                        >
                          {t("cases.review.reject")}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
