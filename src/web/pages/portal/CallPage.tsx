import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { type EvaluationDto, useCall } from "./data.ts";
import { EvaluationView } from "./EvaluationView.tsx";
import { FactsForm, factsOfRules, type RawFacts, toFacts } from "./FactsForm.tsx";
import { dateText, euro } from "./format.ts";
import { useOptionalMe } from "./PortalLayout.tsx";

/** /bandi/:ambito/:code: the call, its requirements, a self-check (not stored) and the way to apply. */
export function CallPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "it";
  const { ambito = "", code = "" } = useParams();
  const call = useCall(ambito, code);
  const me = useOptionalMe();
  const [raw, setRaw] = useState<RawFacts>({});
  const [errors, setErrors] = useState<ReturnType<typeof toFacts>["errors"]>({});
  const check = useMutation({
    mutationFn: (facts: object) => api.post<EvaluationDto>(`/api/public/calls/${ambito}/${code}/check`, { facts }),
  });
  const crumbs = [{ label: t("portal.calls.title"), to: `/bandi/${ambito}` }];
  const c = call.data;
  if (!c) {
    return (
      <>
        <PageHeader title={t("portal.calls.title")} breadcrumbs={crumbs} />
        {call.isPending ? <Loading /> : <ErrorAlert error={call.error} />}
      </>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { facts, errors: found } = toFacts(raw);
    setErrors(found);
    if (!Object.keys(found).length) check.mutate(facts);
  };
  const canApply = me.data?.ambiti.some((a) => a.slug === ambito && a.permissions.includes("applications:submit"));
  return (
    <>
      <PageHeader title={c.title} breadcrumbs={crumbs} lead={c.description} />
      <dl className="row">
        <dt className="col-sm-4">{t("portal.call.status")}</dt>
        <dd className="col-sm-8">
          {t(`portal.callStatus.${c.acceptsApplications ? "open" : c.status === "open" ? "closed" : c.status}`)}
        </dd>
        <dt className="col-sm-4">{t("portal.call.period")}</dt>
        <dd className="col-sm-8">
          {dateText(c.opensAt, i18n.language)} – {dateText(c.deadline, i18n.language)}
        </dd>
        <dt className="col-sm-4">{t("portal.call.budget")}</dt>
        <dd className="col-sm-8">
          {c.budgetCents !== null ? euro(c.budgetCents, i18n.language) : t("portal.call.budgetUnknown")}
        </dd>
        <dt className="col-sm-4">{t("portal.call.maxGrant")}</dt>
        <dd className="col-sm-8">{euro(c.maxGrantCents, i18n.language)}</dd>
        <dt className="col-sm-4">{t("portal.call.documents")}</dt>
        <dd className="col-sm-8">
          {c.requiredDocuments.length
            ? c.requiredDocuments.map((d) => d.label).join("; ")
            : t("portal.call.noDocuments")}
        </dd>
        {c.source ? (
          <>
            <dt className="col-sm-4">{t("portal.service.source")}</dt>
            <dd className="col-sm-8 small">{c.source}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="h4">{t("portal.call.requirements")}</h2>
      <ul>
        {c.eligibility.map((r) => (
          <li key={r.id}>{r.label[lang]}</li>
        ))}
      </ul>
      <h2 className="h4">{t("portal.call.scoring")}</h2>
      <ul>
        {c.scoring.parts.map((p) => (
          <li key={p.id}>
            {p.label[lang]}:{" "}
            {"linear" in p
              ? t("portal.call.upTo", { points: p.linear.points })
              : t("portal.call.points", { points: p.points })}
          </li>
        ))}
      </ul>
      {c.rankingPublishedAt ? (
        <p>
          <Link to={`/bandi/${ambito}/${code}/graduatoria`}>{t("portal.calls.ranking")}</Link>
        </p>
      ) : null}
      <section className="mt-4" aria-labelledby="selfcheck">
        <h2 id="selfcheck" className="h4">
          {t("portal.call.selfCheck")}
        </h2>
        <p>{t("portal.fit.privacy")}</p>
        <form onSubmit={submit} noValidate>
          <FactsForm
            fields={factsOfRules(c.eligibility)}
            value={raw}
            onChange={setRaw}
            errors={errors}
            idPrefix="check"
          />
          <button type="submit" className="btn btn-outline-primary" disabled={check.isPending}>
            {t("portal.call.check")}
          </button>
        </form>
        {check.isError ? <ErrorAlert error={check.error} /> : null}
        {check.data ? (
          <div className="mt-3">
            <EvaluationView evaluation={check.data} />
          </div>
        ) : null}
      </section>
      <section className="mt-4" aria-labelledby="apply">
        <h2 id="apply" className="h4">
          {t("portal.call.apply")}
        </h2>
        {!c.acceptsApplications ? <p>{t("portal.call.notAccepting")}</p> : null}
        {c.acceptsApplications && canApply ? (
          <Link className="btn btn-primary" to={`/bandi/${ambito}/${code}/domanda`}>
            {t("portal.call.startApplication")}
          </Link>
        ) : null}
        {c.acceptsApplications && !canApply ? (
          <p>
            {me.data ? t("portal.call.notCitizenHere") : t("portal.call.loginToApply")}{" "}
            {me.data ? null : <Link to="/login">{t("header.login")}</Link>}
          </p>
        ) : null}
      </section>
    </>
  );
}
