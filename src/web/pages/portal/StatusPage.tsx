import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TextField } from "../../components/TextField.tsx";
import type { StatusLookupDto } from "./data.ts";
import { dateText, euro } from "./format.ts";

const CODE = /^[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$/;

/** /stato-domanda: the state of an application from its receipt code, without logging in. */
export function StatusPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get("codice") ?? "";
  const [input, setInput] = useState(code);
  const [error, setError] = useState<string | undefined>();
  const status = useQuery({
    queryKey: ["portal", "status", code],
    queryFn: () => api.get<StatusLookupDto>(`/api/public/receipts/${code.toUpperCase()}`),
    enabled: CODE.test(code),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = input.trim().toUpperCase();
    if (!CODE.test(v)) return setError(t("portal.status.codeError"));
    setError(undefined);
    setParams({ codice: v });
  };
  const s = status.data;
  return (
    <>
      <PageHeader title={t("portal.status.title")} lead={t("portal.status.lead")} />
      <form onSubmit={submit} noValidate className="mb-4">
        <TextField
          id="receipt-code"
          label={t("portal.status.code")}
          hint={t("portal.status.codeHint")}
          value={input}
          onChange={setInput}
          error={error}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary">
          {t("portal.status.submit")}
        </button>
      </form>
      {status.isFetching ? <Loading /> : null}
      {status.isError ? <ErrorAlert error={status.error} /> : null}
      {s ? (
        <section aria-labelledby="status-result" data-testid="status-result">
          <h2 id="status-result" className="h4">
            {s.callTitle}
          </h2>
          <dl className="row">
            <dt className="col-sm-4">{t("portal.apply.protocol")}</dt>
            <dd className="col-sm-8">{s.protocolNumber}</dd>
            <dt className="col-sm-4">{t("portal.status.submittedAt")}</dt>
            <dd className="col-sm-8">{dateText(s.submittedAt, i18n.language)}</dd>
            <dt className="col-sm-4">{t("portal.status.state")}</dt>
            <dd className="col-sm-8" data-testid="status-state">
              {t(`portal.appStatus.${s.status}`)}
            </dd>
            {s.documentsRequest ? (
              <>
                <dt className="col-sm-4">{t("portal.apply.documentsRequested")}</dt>
                <dd className="col-sm-8">{s.documentsRequest}</dd>
              </>
            ) : null}
            {s.decisionReason ? (
              <>
                <dt className="col-sm-4">{t("portal.status.reason")}</dt>
                <dd className="col-sm-8">{s.decisionReason}</dd>
              </>
            ) : null}
            {s.ranking ? (
              <>
                <dt className="col-sm-4">{t("portal.status.ranking")}</dt>
                <dd className="col-sm-8" data-testid="status-ranking">
                  {t(`portal.status.outcome.${s.ranking.outcome}`, {
                    rank: s.ranking.rank,
                    id: s.ranking.pseudoId,
                    amount: euro(s.ranking.fundedCents, i18n.language),
                  })}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}
