import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { dateText } from "../portal/format.ts";
import { CALL_TRANSITIONS, useAdminCalls, useListings, useMyApplications } from "./data.ts";

const COUNTED = ["submitted", "under_review", "needs_documents", "approved", "rejected", "appealed"] as const;

/** /a/:ambito/offerta: calls and their queues, the catalogue's listings, the citizen's own applications. */
export function OffertaPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const reviewer = canAny(ambito, ["calls:review"]);
  const editor = canAny(ambito, ["catalogue:write"]);
  const applicant = canAny(ambito, ["applications:submit"]);
  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("catalogue.lead")}
      />
      <p>
        <Link to={`/servizi?ambito=${ambito.slug}`}>{t("catalogue.portalLink")}</Link>
      </p>
      {reviewer ? <CallsSection /> : null}
      {editor ? <ListingsSection /> : null}
      {applicant ? <MyApplicationsSection /> : null}
    </>
  );
}

function CallsSection() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const calls = useAdminCalls(ambito.slug, true);
  const qc = useQueryClient();
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: number; status: string }) =>
      api.patch(`/api/ambiti/${ambito.slug}/calls/${id}`, { status }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["offerta", "calls"] }),
  });
  return (
    <section aria-labelledby="calls-title" className="mb-5">
      <h2 id="calls-title" className="h4">
        {t("catalogue.calls.title")}
      </h2>
      {calls.isPending ? <Loading /> : null}
      {calls.isError ? <ErrorAlert error={calls.error} /> : null}
      {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
      {canAny(ambito, ["catalogue:approve"]) ? (
        <p>
          <Link className="btn btn-primary btn-sm" to="bandi/nuovo">
            {t("catalogue.callEditor.newLink")}
          </Link>
        </p>
      ) : null}
      {calls.data?.length === 0 ? <p>{t("portal.calls.none")}</p> : null}
      {calls.data?.length ? (
        <ScrollTable label={t("catalogue.calls.title")}>
          <table className="table">
            <caption>{t("catalogue.calls.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("catalogue.calls.call")}</th>
                <th scope="col">{t("catalogue.calls.state")}</th>
                <th scope="col">{t("catalogue.calls.deadline")}</th>
                {COUNTED.map((s) => (
                  <th scope="col" className="text-end" key={s}>
                    {t(`portal.appStatus.${s}`)}
                  </th>
                ))}
                <th scope="col">{t("catalogue.calls.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {calls.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`bandi/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>{t(`portal.callStatus.${c.status}`)}</td>
                  <td>{dateText(c.deadline, i18n.language)}</td>
                  {COUNTED.map((s) => (
                    <td className="text-end" key={s}>
                      {c.counts[s] ?? 0}
                    </td>
                  ))}
                  <td className="text-nowrap">
                    <Link className="btn btn-sm btn-outline-primary me-1" to={`bandi/${c.id}/graduatoria`}>
                      {t("catalogue.calls.ranking")}
                    </Link>
                    {CALL_TRANSITIONS[c.status].map((s) => (
                      <button
                        key={s}
                        type="button"
                        className="btn btn-sm btn-outline-secondary me-1"
                        onClick={() => setStatus.mutate({ id: c.id, status: s })}
                      >
                        {t(`catalogue.calls.to.${c.status === "draft" ? "publish" : s}`)}
                        <span className="visually-hidden">: {c.title}</span>
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </section>
  );
}

function ListingsSection() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const approver = canAny(ambito, ["catalogue:approve"]);
  const listings = useListings(ambito.slug, true);
  const [filter, setFilter] = useState<"todo" | "all">("todo");
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: ({ id, action }: { id: number; action: "submit" | "approve" | "reject" }) =>
      action === "submit"
        ? api.post(`/api/ambiti/${ambito.slug}/catalogue/listings/${id}/submit`)
        : api.post(`/api/ambiti/${ambito.slug}/catalogue/listings/${id}/review`, { decision: action }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["offerta", "listings"] }),
  });
  const rows = (listings.data ?? []).filter((l) => filter === "all" || l.status !== "approved");
  return (
    <section aria-labelledby="listings-title" className="mb-5">
      <h2 id="listings-title" className="h4">
        {t("catalogue.listings.title")}
      </h2>
      <p>
        <Link className="btn btn-primary btn-sm me-2" to="catalogo/nuovo">
          {t("catalogue.listings.new")}
        </Link>
        <button
          type="button"
          className="btn btn-link btn-sm"
          aria-pressed={filter === "all"}
          onClick={() => setFilter(filter === "all" ? "todo" : "all")}
        >
          {t("catalogue.listings.showAll")}
        </button>
      </p>
      {listings.isPending ? <Loading /> : null}
      {listings.isError ? <ErrorAlert error={listings.error} /> : null}
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      {listings.data && rows.length === 0 ? <p>{t("catalogue.listings.none")}</p> : null}
      {rows.length ? (
        <ScrollTable label={t("catalogue.listings.title")}>
          <table className="table" data-testid="listings">
            <caption>{t("catalogue.listings.caption", { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("catalogue.listings.name")}</th>
                <th scope="col">{t("portal.service.provider")}</th>
                <th scope="col">{t("catalogue.listings.status")}</th>
                <th scope="col">{t("portal.service.verified")}</th>
                <th scope="col">{t("catalogue.calls.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{l.providerName}</td>
                  <td>{t(`catalogue.listingStatus.${l.status}`)}</td>
                  <td>{dateText(l.lastVerifiedAt, i18n.language)}</td>
                  <td className="text-nowrap">
                    {l.status === "draft" || l.status === "rejected" ? (
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-primary"
                        onClick={() => act.mutate({ id: l.id, action: "submit" })}
                      >
                        {t("catalogue.listings.submit")}
                        <span className="visually-hidden">: {l.name}</span>
                      </button>
                    ) : null}
                    {approver && l.status === "submitted" ? (
                      <>
                        <button
                          type="button"
                          className="btn btn-sm btn-success me-1"
                          onClick={() => act.mutate({ id: l.id, action: "approve" })}
                        >
                          {t("catalogue.listings.approve")}
                          <span className="visually-hidden">: {l.name}</span>
                        </button>
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-danger"
                          onClick={() => act.mutate({ id: l.id, action: "reject" })}
                        >
                          {t("catalogue.listings.reject")}
                          <span className="visually-hidden">: {l.name}</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </section>
  );
}

function MyApplicationsSection() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const mine = useMyApplications(ambito.slug, true);
  const qc = useQueryClient();
  const [appealFor, setAppealFor] = useState<number | null>(null);
  const [text, setText] = useState("");
  const appeal = useMutation({
    mutationFn: (id: number) => api.post(`/api/ambiti/${ambito.slug}/my/applications/${id}/appeal`, { text }),
    onSuccess: () => {
      setAppealFor(null);
      return qc.invalidateQueries({ queryKey: ["offerta", "mine"] });
    },
  });
  return (
    <section aria-labelledby="mine-title" className="mb-5">
      <h2 id="mine-title" className="h4">
        {t("catalogue.mine.title")}
      </h2>
      <p>
        <Link to={`/bandi/${ambito.slug}`}>{t("catalogue.mine.calls")}</Link>
      </p>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} /> : null}
      {mine.data?.length === 0 ? <p>{t("catalogue.mine.none")}</p> : null}
      <ul className="list-unstyled">
        {mine.data?.map((a) => (
          <li key={a.id} className="border-bottom py-2">
            <strong>{a.callTitle}</strong> · {t(`portal.appStatus.${a.status}`)}
            {a.protocolNumber ? ` · ${t("portal.apply.protocol")} ${a.protocolNumber}` : ""}
            {a.submittedAt ? ` · ${dateText(a.submittedAt, i18n.language)}` : ""}
            {a.receiptCode ? (
              <>
                {" · "}
                <Link to={`/stato-domanda?codice=${a.receiptCode}`}>{a.receiptCode}</Link>
              </>
            ) : null}
            {a.status === "draft" || a.status === "needs_documents" ? (
              <>
                {" · "}
                <Link to={`/bandi/${ambito.slug}/${a.callCode}/domanda`}>{t("catalogue.mine.continue")}</Link>
              </>
            ) : null}
            {a.status === "rejected" ? (
              appealFor === a.id ? (
                <form
                  className="mt-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    appeal.mutate(a.id);
                  }}
                >
                  <label htmlFor={`appeal-${a.id}`}>{t("catalogue.mine.appealText")}</label>
                  <textarea
                    id={`appeal-${a.id}`}
                    className="form-control mb-2"
                    rows={3}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                  />
                  {appeal.isError ? <ErrorAlert error={appeal.error} /> : null}
                  <button type="submit" className="btn btn-sm btn-primary">
                    {t("catalogue.mine.sendAppeal")}
                  </button>
                </form>
              ) : (
                <button type="button" className="btn btn-sm btn-link" onClick={() => setAppealFor(a.id)}>
                  {t("catalogue.mine.appeal")}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
