import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { dateText } from "../portal/format.ts";
import { useAdminCalls, useQueue } from "./data.ts";

const STATUSES = ["submitted", "under_review", "needs_documents", "approved", "rejected", "appealed"];

/** /a/:ambito/offerta/bandi/:id: the review queue of one call (the read is audited). */
export function CallQueuePage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const { id = "" } = useParams();
  const [status, setStatus] = useState("");
  const calls = useAdminCalls(ambito.slug, true);
  const queue = useQueue(ambito.slug, id, status);
  const call = calls.data?.find((c) => String(c.id) === id);
  const root = `/a/${ambito.slug}/offerta`;
  return (
    <>
      <PageHeader
        title={call ? t("catalogue.queue.title", { call: call.title }) : t("catalogue.queue.titleShort")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("catalogue.title"), to: root },
        ]}
      />
      <p>
        <Link className="btn btn-outline-primary btn-sm" to={`${root}/bandi/${id}/graduatoria`}>
          {t("catalogue.calls.ranking")}
        </Link>
        {canAny(ambito, ["catalogue:approve"]) ? (
          <>
            {" "}
            <Link className="btn btn-outline-primary btn-sm" to={`${root}/bandi/${id}/modifica`}>
              {t("catalogue.callEditor.editLink")}
            </Link>{" "}
            <Link className="btn btn-outline-primary btn-sm" to={`${root}/bandi/nuovo`}>
              {t("catalogue.callEditor.newLink")}
            </Link>
          </>
        ) : null}
      </p>
      <div className="col-md-4">
        <SelectField id="queue-status" label={t("catalogue.queue.filter")} value={status} onChange={setStatus}>
          <option value="">{t("catalogue.queue.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`portal.appStatus.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <ErrorAlert error={queue.error} /> : null}
      {queue.data?.length === 0 ? <p>{t("catalogue.queue.none")}</p> : null}
      {queue.data?.length ? (
        <ScrollTable label={t("catalogue.queue.titleShort")}>
          <table className="table table-striped" data-testid="queue">
            <caption>{t("catalogue.queue.caption", { count: queue.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portal.apply.protocol")}</th>
                <th scope="col">{t("catalogue.queue.applicant")}</th>
                <th scope="col">{t("portal.status.submittedAt")}</th>
                <th scope="col">{t("portal.status.state")}</th>
                <th scope="col">{t("catalogue.queue.eligibility")}</th>
                <th scope="col" className="text-end">
                  {t("portal.ranking.score")}
                </th>
                <th scope="col">{t("catalogue.queue.onBehalf")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`${root}/domande/${a.id}`}>{a.protocolNumber}</Link>
                  </th>
                  <td>{a.applicantName}</td>
                  <td>{dateText(a.submittedAt, i18n.language)}</td>
                  <td>{t(`portal.appStatus.${a.status}`)}</td>
                  <td>{t(`portal.evaluation.${a.eligibility}`)}</td>
                  <td className="text-end">{a.score ?? "—"}</td>
                  <td>{a.onBehalfKind ? t(`catalogue.onBehalf.${a.onBehalfKind}`) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </>
  );
}
