import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { AccessForm } from "../cases/AccessForm.tsx";
import { type AccessContact, base, euro, formatDate, isForbidden, usePersonFile } from "../cases/data.ts";
import { EmergencyAccess } from "../cases/EmergencyAccess.tsx";
import { OpenCaseForm } from "../cases/OpenCaseForm.tsx";
import { AccessReport } from "./AccessReport.tsx";
import { GrantForm } from "./GrantForm.tsx";
import { IseeForm } from "./IseeForm.tsx";

/** A person's file: identity, household, ISEE, access contacts and cases (the read is audited). */
export function PersonFilePage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const file = usePersonFile(ambito.slug, id);
  const names = comuneNames(useAmbitoDetail(ambito.slug).data);
  const canWrite = canAny(ambito, ["cases:write"]);
  const [form, setForm] = useState<"access" | "case" | "isee" | null>(null);
  const [fromAccess, setFromAccess] = useState<string | undefined>();
  const contacts = useQuery({
    queryKey: ["person-access", ambito.slug, id],
    queryFn: () => api.get<{ items: AccessContact[] }>(`${base(ambito.slug)}/people/${id}/access-contacts`),
    enabled: file.isSuccess,
  });
  const crumbs = [
    { label: t("home.title"), to: `/a/${ambito.slug}` },
    { label: t("people.title"), to: `/a/${ambito.slug}/cartella` },
  ];
  if (file.isPending) return <Loading />;
  if (file.isError) {
    return (
      <>
        <PageHeader title={t("cases.person.file")} breadcrumbs={crumbs} />
        {isForbidden(file.error) ? (
          <div className="callout warning">
            <h2 className="callout-title h5">{t("cases.person.elsewhereTitle")}</h2>
            <p>{t("cases.person.elsewhere")}</p>
            <EmergencyAccess personId={id} onOpened={() => void file.refetch()} />
          </div>
        ) : (
          <ErrorAlert error={file.error} />
        )}
      </>
    );
  }
  const { person, detail, households, isee, cases } = file.data;
  const title = `${person.familyName} ${person.givenName}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["person-file", ambito.slug, id] });
  return (
    <>
      <PageHeader title={title} documentTitle={t("cases.person.file")} breadcrumbs={crumbs} />
      {file.data.access === "emergency" ? (
        <div className="alert alert-warning" role="status">
          {t("cases.emergency.active")}
        </div>
      ) : null}
      <section aria-labelledby="identity-title" className="mb-5">
        <h2 id="identity-title" className="h3">
          {t("cases.person.identity")}
        </h2>
        <dl className="row">
          <dt className="col-sm-3">{t("people.fiscalCode")}</dt>
          <dd className="col-sm-9">{person.fiscalCode ? <code>{person.fiscalCode}</code> : t("people.provisional")}</dd>
          <dt className="col-sm-3">{t("people.birthDate")}</dt>
          <dd className="col-sm-9">{formatDate(person.birthDate, i18n.language)}</dd>
          <dt className="col-sm-3">{t("cases.fields.comune")}</dt>
          <dd className="col-sm-9">{names.get(person.comuneIstat) ?? person.comuneIstat}</dd>
          <dt className="col-sm-3">{t("cases.person.citizenship")}</dt>
          <dd className="col-sm-9">{person.citizenship ?? "—"}</dd>
          <dt className="col-sm-3">{t("cases.person.contacts")}</dt>
          <dd className="col-sm-9">
            {[detail.phone, detail.email, detail.residenceAddress].filter(Boolean).join(" · ") || "—"}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="household-title" className="mb-5">
        <h2 id="household-title" className="h3">
          {t("cases.household.title")}
        </h2>
        {households.length === 0 ? <p>{t("cases.household.none")}</p> : null}
        {households.map((h) => (
          <ul key={h.id}>
            {h.members.map((m) => (
              <li key={m.personId}>
                {m.personId === person.id ? (
                  <strong>
                    {m.familyName} {m.givenName}
                  </strong>
                ) : (
                  <Link to={`/a/${ambito.slug}/cartella/persone/${m.personId}`}>
                    {m.familyName} {m.givenName}
                  </Link>
                )}{" "}
                — {t(`cases.household.relations.${m.relation}`)}
              </li>
            ))}
          </ul>
        ))}
      </section>

      <section aria-labelledby="isee-title" className="mb-5">
        <div className="d-flex justify-content-between align-items-center">
          <h2 id="isee-title" className="h3">
            {t("cases.isee.title")}
          </h2>
          {canWrite ? (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setForm(form === "isee" ? null : "isee")}
            >
              {t("cases.isee.add")}
            </button>
          ) : null}
        </div>
        {form === "isee" ? (
          <IseeForm
            personId={id}
            onDone={() => {
              setForm(null);
              void refresh();
            }}
          />
        ) : null}
        {isee.length === 0 ? <p>{t("cases.isee.none")}</p> : null}
        {isee.length ? (
          <table className="table table-sm">
            <caption className="visually-hidden">{t("cases.isee.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.isee.kind")}</th>
                <th scope="col">{t("cases.isee.value")}</th>
                <th scope="col">{t("cases.isee.validity")}</th>
              </tr>
            </thead>
            <tbody>
              {isee.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {t(`cases.isee.kinds.${d.kind}`)}{" "}
                    {d.current ? <span className="badge bg-success">{t("cases.isee.current")}</span> : null}
                  </th>
                  <td>{euro(d.valueCents, i18n.language)}</td>
                  <td>
                    {formatDate(d.validFrom, i18n.language)} – {formatDate(d.validTo, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="access-title" className="mb-5">
        <div className="d-flex justify-content-between align-items-center">
          <h2 id="access-title" className="h3">
            {t("cases.access.title")}
          </h2>
          {canWrite ? (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setForm(form === "access" ? null : "access")}
            >
              {t("cases.access.new")}
            </button>
          ) : null}
        </div>
        {form === "access" ? (
          <AccessForm
            personId={id}
            onDone={(a) => {
              setFromAccess(a.outcome === "full_intake" ? a.id : undefined);
              setForm(a.outcome === "full_intake" ? "case" : null);
            }}
          />
        ) : null}
        {contacts.data?.items.length === 0 ? <p>{t("cases.access.none")}</p> : null}
        <ul>
          {contacts.data?.items.map((a) => (
            <li key={a.id}>
              <time dateTime={a.contactDate}>{formatDate(a.contactDate, i18n.language)}</time> —{" "}
              {t(`cases.access.points.${a.point}`)}, {t(`cases.access.outcomes.${a.outcome}`)}: {a.request}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cases-title" className="mb-5">
        <div className="d-flex justify-content-between align-items-center">
          <h2 id="cases-title" className="h3">
            {t("cases.case.title")}
          </h2>
          {canWrite ? (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setForm(form === "case" ? null : "case")}
            >
              {t("cases.case.open")}
            </button>
          ) : null}
        </div>
        {form === "case" ? <OpenCaseForm personId={id} accessContactId={fromAccess} /> : null}
        {cases.length === 0 ? <p>{t("cases.case.none")}</p> : null}
        <ul>
          {cases.map((c) => (
            <li key={c.id}>
              <Link to={`/a/${ambito.slug}/cartella/casi/${c.id}`}>
                {t(`cases.areas.${c.userArea}`)} — {names.get(c.comuneIstat) ?? c.comuneIstat}
              </Link>{" "}
              ({t(`cases.status.${c.status}`)}, {formatDate(c.openedOn, i18n.language)})
            </li>
          ))}
        </ul>
        {file.data.otherCases > 0 ? <p>{t("cases.case.other", { count: file.data.otherCases })}</p> : null}
      </section>
      {file.data.access === "comune" || file.data.access === "team" ? (
        <>
          {canAny(ambito, ["people:write"]) ? <GrantForm personId={id} /> : null}
          <AccessReport personId={id} />
        </>
      ) : null}
    </>
  );
}
