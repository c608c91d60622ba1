import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { AssessmentForm } from "./AssessmentForm.tsx";
import { AttachmentForm } from "./AttachmentForm.tsx";
import { base, euro, formatDate, useCaseFile } from "./data.ts";
import { InterventionForm } from "./InterventionForm.tsx";
import { NoteForm } from "./NoteForm.tsx";
import { PlanEditor } from "./PlanEditor.tsx";

type Panel = "assessment" | "plan" | "intervention" | "note" | "document";

/** One section of the case file with its heading and, for writers, the button that opens its form. */
function Section(props: { id: string; title: string; action?: string; onAction?: () => void; children: ReactNode }) {
  return (
    <section aria-labelledby={`${props.id}-title`} className="mb-5" id={props.id}>
      <div className="d-flex justify-content-between align-items-center border-bottom mb-3">
        <h2 id={`${props.id}-title`} className="h3">
          {props.title}
        </h2>
        {props.action ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={props.onAction}>
            {props.action}
          </button>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}

/** The case file: summary, assessments, plan, interventions, diary, documents, tasks (audited read). */
export function CaseFilePage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const file = useCaseFile(ambito.slug, id);
  const names = comuneNames(useAmbitoDetail(ambito.slug).data);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [planKey, setPlanKey] = useState(0);
  const crumbs = [
    { label: t("home.title"), to: `/a/${ambito.slug}` },
    { label: t("people.title"), to: `/a/${ambito.slug}/cartella` },
  ];
  if (file.isPending) return <Loading />;
  if (file.isError) {
    return (
      <>
        <PageHeader title={t("cases.case.file")} breadcrumbs={crumbs} />
        <ErrorAlert error={file.error} />
      </>
    );
  }
  const { case: k, person, plan } = file.data;
  const lang = i18n.language;
  const writable = canAny(ambito, ["cases:write"]) && file.data.access !== "emergency" && k.status !== "closed";
  const toggle = (p: Panel) =>
    writable
      ? {
          action: panel === p ? t("common.cancel") : t(`cases.add.${p}`),
          onAction: () => setPanel(panel === p ? null : p),
        }
      : {};
  const done = async () => {
    setPanel(null);
    await queryClient.invalidateQueries({ queryKey: ["case-file", ambito.slug, id] });
  };
  const reloadPlan = async () => {
    await file.refetch();
    setPlanKey((n) => n + 1);
  };
  return (
    <>
      <PageHeader
        title={t("cases.case.heading", { name: `${person.familyName} ${person.givenName}` })}
        documentTitle={t("cases.case.file")}
        breadcrumbs={[
          ...crumbs,
          { label: `${person.familyName} ${person.givenName}`, to: `/a/${ambito.slug}/cartella/persone/${person.id}` },
        ]}
      />
      {file.data.access === "emergency" ? (
        <div className="alert alert-warning" role="status">
          {t("cases.emergency.active")}
        </div>
      ) : null}
      <dl className="row mb-5">
        <dt className="col-sm-3">{t("cases.fields.status")}</dt>
        <dd className="col-sm-9">{t(`cases.status.${k.status}`)}</dd>
        <dt className="col-sm-3">{t("cases.fields.userArea")}</dt>
        <dd className="col-sm-9">{t(`cases.areas.${k.userArea}`)}</dd>
        <dt className="col-sm-3">{t("cases.fields.comune")}</dt>
        <dd className="col-sm-9">{names.get(k.comuneIstat) ?? k.comuneIstat}</dd>
        <dt className="col-sm-3">{t("cases.fields.level")}</dt>
        <dd className="col-sm-9">{t(`cases.levels.${k.level}`)}</dd>
        <dt className="col-sm-3">{t("cases.fields.openedOn")}</dt>
        <dd className="col-sm-9">{formatDate(k.openedOn, lang)}</dd>
        <dt className="col-sm-3">{t("cases.fields.team")}</dt>
        <dd className="col-sm-9">
          {k.team
            .map((m) => m.name + (m.role === "responsible" ? ` (${t("cases.fields.responsible")})` : ""))
            .join(", ")}
        </dd>
      </dl>

      <Section id="assessments" title={t("cases.assessment.title")} {...toggle("assessment")}>
        {panel === "assessment" ? <AssessmentForm caseId={id} onDone={done} /> : null}
        {file.data.assessments.length === 0 ? <p>{t("cases.assessment.none")}</p> : null}
        <ul>
          {file.data.assessments.map((a) => (
            <li key={a.id}>
              {formatDate(a.assessedOn, lang)} — {a.formTitle}: {a.score ?? "—"} {a.band ? `(${a.band})` : ""} —{" "}
              {a.assessedByName}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="plan" title={t("cases.plan.title")} {...toggle("plan")}>
        {panel === "plan" ? (
          <PlanEditor key={planKey} caseId={id} plan={plan} onSaved={done} onReload={reloadPlan} />
        ) : null}
        {plan ? (
          <>
            <p>
              {t(`cases.plan.status.${plan.status}`)} · v{plan.version}
              {plan.pattoSignedOn
                ? ` · ${t("cases.plan.pattoOn", { date: formatDate(plan.pattoSignedOn, lang) })}`
                : ""}
              {plan.nextReviewOn ? ` · ${t("cases.plan.reviewOn", { date: formatDate(plan.nextReviewOn, lang) })}` : ""}
            </p>
            {plan.summary ? <p>{plan.summary}</p> : null}
            <ol>
              {plan.goals.map((g) => (
                <li key={g.id}>
                  {g.text}
                  <ul>
                    {g.actions.map((a) => (
                      <li key={`${a.text}-${a.who}`}>
                        {a.text} — {a.who}
                        {a.due ? ` (${formatDate(a.due, lang)})` : ""}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>{t("cases.plan.none")}</p>
        )}
      </Section>

      <Section id="interventions" title={t("cases.intervention.title")} {...toggle("intervention")}>
        {panel === "intervention" ? <InterventionForm caseId={id} onDone={done} /> : null}
        {file.data.interventions.length === 0 ? (
          <p>{t("cases.intervention.none")}</p>
        ) : (
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t("cases.intervention.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cases.intervention.service")}</th>
                  <th scope="col">{t("cases.intervention.period")}</th>
                  <th scope="col">{t("cases.intervention.provider")}</th>
                  <th scope="col" className="text-end">
                    {t("cases.intervention.amount")}
                  </th>
                  <th scope="col" className="text-end">
                    {t("cases.intervention.shareUser")}
                  </th>
                  <th scope="col">{t("cases.intervention.statusLabel")}</th>
                </tr>
              </thead>
              <tbody>
                {file.data.interventions.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">
                      {x.serviceName} <small>({x.siussCode})</small>
                    </th>
                    <td>
                      {formatDate(x.startDate, lang)} – {x.endDate ? formatDate(x.endDate, lang) : "…"}
                    </td>
                    <td>{x.providerName ?? "—"}</td>
                    <td className="text-end">{euro(x.amountCents, lang)}</td>
                    <td className="text-end">{euro(x.shareUserCents, lang)}</td>
                    <td>{t(`cases.intervention.status.${x.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="diary" title={t("cases.diary.title")} {...toggle("note")}>
        {panel === "note" ? <NoteForm caseId={id} onDone={done} /> : null}
        {file.data.notes.length === 0 ? <p>{t("cases.diary.none")}</p> : null}
        {file.data.notes.map((n) => (
          <article key={n.id} className="mb-3">
            <h3 className="h6 mb-1">
              {formatDate(n.occurredOn, lang)} · {t(`cases.diary.types.${n.noteType}`)} · {n.authorName}
            </h3>
            <p className="mb-0 text-break">{n.body}</p>
          </article>
        ))}
      </Section>

      <Section id="documents" title={t("cases.documents.title")} {...toggle("document")}>
        {panel === "document" ? <AttachmentForm caseId={id} onDone={done} /> : null}
        {file.data.attachments.length === 0 ? <p>{t("cases.documents.none")}</p> : null}
        <ul>
          {file.data.attachments.map((d) => (
            <li key={d.id}>
              <a href={`${base(ambito.slug)}/attachments/${d.id}/content`}>{d.fileName}</a> (
              {Math.ceil(d.sizeBytes / 1024)} KB)
              {d.description ? ` — ${d.description}` : ""}
              {d.expiresOn ? ` — ${t("cases.documents.expiresOn", { date: formatDate(d.expiresOn, lang) })}` : ""}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="tasks" title={t("cases.tasks.title")}>
        {file.data.tasks.length === 0 ? <p>{t("cases.tasks.none")}</p> : null}
        <ul>
          {file.data.tasks.map((x) => (
            <li key={x.id}>
              {formatDate(x.dueOn, lang)} — {x.title} ({t(`cases.tasks.status.${x.status}`)})
            </li>
          ))}
        </ul>
      </Section>
      <p>
        <Link to={`/a/${ambito.slug}/cartella/persone/${person.id}`}>{t("cases.case.backToPerson")}</Link>
      </p>
    </>
  );
}
