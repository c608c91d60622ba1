import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { GovernanceMeetingForm } from "./GovernanceMeetingForm.tsx";
import { type GovBody, type GovMeeting, meetingCounts, useGovernanceData } from "./governance.data.ts";

/**
 * /a/:ambito/programmazione/governance: the Piano di Zona's bodies, their members and meetings.
 * Readable by every planning reader (mayors too); recording a meeting needs plan:write.
 */
export function GovernancePage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const gov = useGovernanceData(ambito.slug);
  const canWrite = canAny(ambito, ["plan:write"]);
  const counts = gov.data ? meetingCounts(gov.data.meetings) : new Map();
  return (
    <>
      <PageHeader
        title={t("planning.governance.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.planning.title"), to: `/a/${ambito.slug}/programmazione` },
        ]}
        lead={t("planning.governance.lead")}
      />
      {gov.isPending ? <Loading /> : null}
      {gov.isError ? <ErrorAlert error={gov.error} /> : null}
      {gov.data && gov.data.bodies.length === 0 ? <p>{t("planning.governance.none")}</p> : null}
      {gov.data?.bodies.length ? (
        <>
          <CountsTable bodies={gov.data.bodies} counts={counts} />
          {canWrite ? <GovernanceMeetingForm bodies={gov.data.bodies} /> : null}
          {gov.data.bodies.map((b) => (
            <BodySection key={b.code} body={b} meetings={gov.data.meetings.filter((m) => m.body === b.code)} />
          ))}
        </>
      ) : null}
    </>
  );
}

function CountsTable({ bodies, counts }: { bodies: GovBody[]; counts: Map<string, Map<number, number>> }) {
  const { t } = useTranslation();
  const years = [...new Set([...counts.values()].flatMap((m) => [...m.keys()]))].sort();
  return (
    <section aria-labelledby="gov-counts" className="mb-5">
      <h2 id="gov-counts" className="h4">
        {t("planning.governance.counts")}
      </h2>
      <p>{t("planning.governance.countsNote")}</p>
      <ScrollTable label={t("planning.governance.counts")}>
        <table className="table table-sm" data-testid="gov-counts">
          <caption>{t("planning.governance.countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planning.governance.body")}</th>
              {years.map((y) => (
                <th scope="col" className="text-end" key={y}>
                  {y}
                </th>
              ))}
              <th scope="col" className="text-end">
                {t("planning.governance.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((b) => {
              const perYear = counts.get(b.code);
              const total = perYear ? [...perYear.values()].reduce((a, n) => a + n, 0) : 0;
              return (
                <tr key={b.code}>
                  <th scope="row">{b.name}</th>
                  {years.map((y) => (
                    <td className="text-end" key={y}>
                      {perYear?.get(y) ?? 0}
                    </td>
                  ))}
                  <td className="text-end">{total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function BodySection({ body, meetings }: { body: GovBody; meetings: GovMeeting[] }) {
  const { t, i18n } = useTranslation();
  const headingId = `gov-body-${body.code}`;
  const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section aria-labelledby={headingId} className="mb-5" data-testid={headingId}>
      <h2 id={headingId} className="h4">
        {body.name}
      </h2>
      <p className="text-muted">{t(`planning.governance.kind.${body.kind}`)}</p>
      <h3 className="h5">{t("planning.governance.members", { count: body.members.length })}</h3>
      {body.members.length ? (
        <ul>
          {body.members.map((m) => (
            <li key={m.code}>
              {m.name}
              {m.organisation && m.organisation !== m.name ? ` · ${m.organisation}` : ""}
              {m.thirdSector ? (
                <span className="badge bg-secondary ms-2">{t("planning.governance.thirdSector")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("planning.governance.noMembers")}</p>
      )}
      <h3 className="h5">{t("planning.governance.meetings", { count: sorted.length })}</h3>
      {sorted.length === 0 ? <p>{t("planning.governance.noMeetings")}</p> : null}
      {sorted.map((m) => (
        <article key={m.date} className="card card-bg mb-3" data-testid="gov-meeting">
          <div className="card-body">
            <h4 className="h6">{new Date(`${m.date}T00:00:00`).toLocaleDateString(i18n.language)}</h4>
            <p className="mb-1">
              <strong>{t("planning.governance.agenda")}:</strong> {m.agenda}
            </p>
            {body.members.length ? (
              <>
                <p className="mb-1">
                  <strong>{t("planning.governance.attendance")}:</strong>{" "}
                  {t("planning.governance.present", { count: m.attendees.length, total: body.members.length })}
                </p>
                <ul className="list-unstyled small">
                  {body.members.map((p) => (
                    <li key={p.code}>
                      {p.name}:{" "}
                      {m.attendees.includes(p.code)
                        ? t("planning.governance.isPresent")
                        : t("planning.governance.isAbsent")}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {m.minutes ? (
              <p className="mb-1" style={{ whiteSpace: "pre-line" }}>
                <strong>{t("planning.governance.minutes")}:</strong> {m.minutes}
              </p>
            ) : null}
            {m.decisions.length ? (
              <>
                <p className="mb-1">
                  <strong>{t("planning.governance.decisions")}:</strong>
                </p>
                <ol>
                  {m.decisions.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ol>
              </>
            ) : null}
          </div>
        </article>
      ))}
    </section>
  );
}
