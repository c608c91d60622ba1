import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError, api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useComuni } from "../portal/data.ts";
import { EvaluationView } from "../portal/EvaluationView.tsx";
import { dateText, euro } from "../portal/format.ts";
import { type ApplicationDto, useApplication } from "./data.ts";

/** /a/:ambito/offerta/domande/:id: istruttoria of one application (every read and decision is audited). */
export function ApplicationReviewPage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const { id = "" } = useParams();
  const app = useApplication(ambito.slug, id);
  const comuni = useComuni(ambito.slug);
  // The Comune's social service receives the referral when the application is approved.
  const comuneName = (istat: string | null) =>
    istat ? (comuni.data?.find((c) => c.istat === istat)?.name ?? istat) : "—";
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const [score, setScore] = useState("");
  const act = useMutation({
    mutationFn: (body: object) =>
      api.post<ApplicationDto>(`/api/ambiti/${ambito.slug}/applications/${id}/review`, body),
    onSuccess: (data) => {
      qc.setQueryData(["offerta", "application", ambito.slug, id], data);
      setReason("");
      return qc.invalidateQueries({ queryKey: ["offerta", "queue"] });
    },
  });
  const root = `/a/${ambito.slug}/offerta`;
  const a = app.data;
  const crumbs = [
    { label: t("home.title"), to: `/a/${ambito.slug}` },
    { label: t("catalogue.title"), to: root },
  ];
  if (!a) {
    return (
      <>
        <PageHeader title={t("catalogue.review.titleShort")} breadcrumbs={crumbs} />
        {app.isPending ? <Loading /> : <ErrorAlert error={app.error} />}
      </>
    );
  }
  const fieldErrors = act.error instanceof ApiError ? act.error.fieldMap() : {};
  const can = (statuses: string[]) => statuses.includes(a.status);
  return (
    <>
      <PageHeader
        title={t("catalogue.review.title", { protocol: a.protocolNumber })}
        breadcrumbs={crumbs}
        lead={a.callTitle}
      />
      <dl className="row">
        <dt className="col-sm-4">{t("catalogue.queue.applicant")}</dt>
        <dd className="col-sm-8">
          {a.applicantName} ({a.applicantFiscalCode})
        </dd>
        <dt className="col-sm-4">{t("portal.apply.comune")}</dt>
        <dd className="col-sm-8">{comuneName(a.applicantComune)}</dd>
        <dt className="col-sm-4">{t("catalogue.queue.onBehalf")}</dt>
        <dd className="col-sm-8">
          {a.onBehalfKind ? `${t(`catalogue.onBehalf.${a.onBehalfKind}`)} ${a.onBehalfNote ?? ""}` : "—"}
        </dd>
        <dt className="col-sm-4">{t("portal.status.state")}</dt>
        <dd className="col-sm-8" data-testid="review-status">
          {t(`portal.appStatus.${a.status}`)}
        </dd>
        <dt className="col-sm-4">{t("portal.status.submittedAt")}</dt>
        <dd className="col-sm-8">{dateText(a.submittedAt, i18n.language)}</dd>
        <dt className="col-sm-4">{t("portal.apply.amount")}</dt>
        <dd className="col-sm-8">{euro(a.requestedCents, i18n.language)}</dd>
        <dt className="col-sm-4">{t("portal.ranking.score")}</dt>
        <dd className="col-sm-8" data-testid="review-score">
          {a.score ?? "—"}
          {a.scoreNote ? ` (${a.scoreNote})` : ""}
        </dd>
        {a.decisionReason ? (
          <>
            <dt className="col-sm-4">{t("portal.status.reason")}</dt>
            <dd className="col-sm-8">{a.decisionReason}</dd>
          </>
        ) : null}
        {a.appealText ? (
          <>
            <dt className="col-sm-4">{t("catalogue.review.appeal")}</dt>
            <dd className="col-sm-8">{a.appealText}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="h4">{t("catalogue.review.answers")}</h2>
      <dl className="row">
        {Object.entries(a.facts).map(([k, v]) => (
          <div className="col-12 row" key={k}>
            <dt className="col-sm-4">{t(`portal.facts.${k}.label`)}</dt>
            <dd className="col-sm-8">
              {k === "isee_cents"
                ? euro(Number(v), i18n.language)
                : typeof v === "boolean"
                  ? t(`portal.facts.choices.${v ? "yes" : "no"}`)
                  : typeof v === "string"
                    ? t(`portal.facts.choices.${v}`, { defaultValue: v })
                    : String(v)}
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="h4">{t("catalogue.review.rules")}</h2>
      <EvaluationView evaluation={a.evaluation} />
      <h2 className="h4">{t("portal.apply.documents")}</h2>
      <ul>
        {a.attachments.map((x) => (
          <li key={x.id}>
            <a href={`/api/ambiti/${ambito.slug}/applications/${a.id}/attachments/${x.id}`}>{x.filename}</a> (
            {x.documentCode}, {Math.ceil(x.sizeBytes / 1024)} KB)
          </li>
        ))}
      </ul>
      {a.missingDocuments.length ? (
        <p>
          {t("portal.apply.missing")}: {a.missingDocuments.map((d) => d.label).join("; ")}
        </p>
      ) : null}
      <section aria-labelledby="decide" className="mt-4">
        <h2 id="decide" className="h4">
          {t("catalogue.review.decide")}
        </h2>
        {act.isError ? <ErrorAlert error={act.error} /> : null}
        <TextField
          id="reason"
          label={t("catalogue.review.reason")}
          hint={t("catalogue.review.reasonHint")}
          value={reason}
          onChange={setReason}
          error={fieldErrors.reason}
        />
        <div className="d-flex flex-wrap gap-2 mb-4">
          {can(["submitted", "appealed"]) ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => act.mutate({ action: "start_review" })}
            >
              {t("catalogue.review.start")}
            </button>
          ) : null}
          {can(["submitted", "under_review", "appealed"]) ? (
            <>
              <button
                type="button"
                className="btn btn-outline-primary"
                onClick={() => act.mutate({ action: "request_documents", reason })}
              >
                {t("catalogue.review.requestDocuments")}
              </button>
              <button
                type="button"
                className="btn btn-success"
                onClick={() => act.mutate({ action: "approve", reason: reason || undefined })}
              >
                {t("catalogue.review.approve")}
              </button>
            </>
          ) : null}
          {can(["submitted", "under_review", "needs_documents", "appealed"]) ? (
            <button type="button" className="btn btn-danger" onClick={() => act.mutate({ action: "reject", reason })}>
              {t("catalogue.review.reject")}
            </button>
          ) : null}
        </div>
        {can(["submitted", "under_review", "approved", "appealed"]) ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act.mutate({ action: "score", score: Number(score.replace(",", ".")), note: reason });
            }}
          >
            <TextField
              id="score"
              label={t("catalogue.review.score")}
              hint={t("catalogue.review.scoreHint")}
              value={score}
              onChange={setScore}
              error={fieldErrors.score ?? fieldErrors.note}
              inputMode="decimal"
            />
            <button type="submit" className="btn btn-outline-secondary">
              {t("catalogue.review.setScore")}
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}
