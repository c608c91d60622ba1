import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { AssessmentForm } from "./AssessmentForm.tsx";
import { AttachmentForm } from "./AttachmentForm.tsx";
import { CaseSection } from "./CaseSection.tsx";
import { CaseSummary } from "./CaseSummary.tsx";
import { base, formatDate, type SectionProps, useCaseFile } from "./data.ts";
import { InterventionsSection } from "./InterventionsSection.tsx";
import { NoteForm } from "./NoteForm.tsx";
import { PlanSection } from "./PlanSection.tsx";
import { ReferralsSection } from "./ReferralsSection.tsx";
import { TasksSection } from "./TasksSection.tsx";
import { WaitingSection } from "./WaitingSection.tsx";

type Panel = "assessment" | "note" | "document";

/**
 * The case file: summary and lifecycle, assessments, plan and reviews, interventions, waiting
 * lists, referrals, diary, documents, tasks (an audited read). Each section refreshes the file.
 */
export function CaseFilePage() {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const file = useCaseFile(ambito.slug, id);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [transferredTo, setTransferredTo] = useState<string | null>(null);
  const crumbs = [
    { label: t("home.title"), to: `/a/${ambito.slug}` },
    { label: t("people.title"), to: `/a/${ambito.slug}/cartella` },
  ];
  if (transferredTo) {
    // The sender has just lost access: say where the case went instead of showing "not found".
    return (
      <>
        <PageHeader title={t("cases.case.file")} breadcrumbs={crumbs} />
        <div className="alert alert-success" role="status">
          {t("cases.lifecycle.transferredTo", { comune: transferredTo })}
        </div>
        <Link to={`/a/${ambito.slug}/cartella`}>{t("cases.lifecycle.backHome")}</Link>
      </>
    );
  }
  if (file.isPending) return <Loading />;
  if (file.isError) {
    return (
      <>
        <PageHeader title={t("cases.case.file")} breadcrumbs={crumbs} />
        <ErrorAlert error={file.error} />
      </>
    );
  }
  const { case: k, person } = file.data;
  const lang = i18n.language;
  const writable = canAny(ambito, ["cases:write"]) && file.data.access !== "emergency" && k.status !== "closed";
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["case-file", ambito.slug, id] });
  const section: SectionProps = { file: file.data, writable, refresh };
  const toggle = (p: Panel) =>
    writable
      ? {
          action: panel === p ? t("common.cancel") : t(`cases.add.${p}`),
          onAction: () => setPanel(panel === p ? null : p),
        }
      : {};
  const done = async () => {
    setPanel(null);
    await refresh();
  };
  const onTransferred = (comune: string) => {
    queryClient.removeQueries({ queryKey: ["case-file", ambito.slug, id] });
    void queryClient.invalidateQueries({ queryKey: ["my-cases", ambito.slug] });
    setTransferredTo(comune);
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
      <CaseSummary file={file.data} refresh={refresh} onTransferred={onTransferred} />

      <CaseSection id="assessments" title={t("cases.assessment.title")} {...toggle("assessment")}>
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
      </CaseSection>

      <PlanSection {...section} />
      <InterventionsSection {...section} />
      <WaitingSection {...section} />
      <ReferralsSection {...section} />
      <TasksSection {...section} />

      <CaseSection id="diary" title={t("cases.diary.title")} {...toggle("note")}>
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
      </CaseSection>

      <CaseSection id="documents" title={t("cases.documents.title")} {...toggle("document")}>
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
      </CaseSection>
      <p>
        <Link to={`/a/${ambito.slug}/cartella/persone/${person.id}`}>{t("cases.case.backToPerson")}</Link>
      </p>
    </>
  );
}
