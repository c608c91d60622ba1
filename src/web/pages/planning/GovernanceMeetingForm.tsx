import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { TextAreaField } from "./fields.tsx";
import { type GovBody, useRecordMeeting } from "./governance.data.ts";

/** The first server problem on a list field (`attendees.2`, `decisions.0`) or the field itself. */
function listError(fields: Record<string, string>, name: string): string | undefined {
  return fields[name] ?? Object.entries(fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

/** "Registra incontro": body, date, agenda, attendance from the body's members, minutes, decisions. */
export function GovernanceMeetingForm({ bodies }: { bodies: GovBody[] }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const record = useRecordMeeting(ambito.slug);
  const [body, setBody] = useState(bodies[0]?.code ?? "");
  const [date, setDate] = useState("");
  const [agenda, setAgenda] = useState("");
  const [attendees, setAttendees] = useState<string[]>([]);
  const [minutes, setMinutes] = useState("");
  const [decisions, setDecisions] = useState("");
  const members = bodies.find((b) => b.code === body)?.members ?? [];
  const fields = record.error instanceof ApiError ? record.error.fieldMap() : {};
  const attendeesError = listError(fields, "attendees");
  const toggle = (code: string, on: boolean) =>
    setAttendees((xs) => (on ? [...xs, code] : xs.filter((x) => x !== code)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        body,
        date,
        agenda,
        minutes: minutes.trim() || undefined,
        // One decision per line: the minutes' numbered list of deliberations.
        decisions: decisions
          .split("\n")
          .map((d) => d.trim())
          .filter(Boolean),
        attendees,
      },
      {
        onSuccess: () => {
          setDate("");
          setAgenda("");
          setAttendees([]);
          setMinutes("");
          setDecisions("");
        },
      },
    );
  };
  return (
    <section aria-labelledby="gov-record" className="mb-5">
      <form onSubmit={submit} noValidate>
        <h2 id="gov-record" className="h4">
          {t("planning.governance.record.title")}
        </h2>
        <p>{t("planning.governance.record.lead")}</p>
        {record.isError ? <ErrorAlert error={record.error} /> : null}
        {record.isSuccess ? (
          <div className="alert alert-success" role="status">
            {t("planning.governance.record.saved")}
          </div>
        ) : null}
        <div className="row">
          <div className="col-md-8">
            <SelectField
              id="meeting-body"
              label={t("planning.governance.body")}
              value={body}
              onChange={(v) => {
                setBody(v);
                setAttendees([]);
              }}
              error={fields.body}
              required
            >
              {bodies.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-md-4">
            <TextField
              id="meeting-date"
              type="date"
              label={t("planning.governance.record.date")}
              value={date}
              onChange={setDate}
              error={fields.date}
              required
            />
          </div>
        </div>
        <TextAreaField
          id="meeting-agenda"
          label={t("planning.governance.agenda")}
          value={agenda}
          onChange={setAgenda}
          error={fields.agenda}
        />
        <fieldset className="mb-4" aria-describedby={attendeesError ? "meeting-attendees-error" : undefined}>
          <legend className="h6">{t("planning.governance.attendance")}</legend>
          {members.length === 0 ? <p>{t("planning.governance.record.noMembers")}</p> : null}
          {members.map((m) => (
            <div className="form-check" key={m.code}>
              <input
                id={`meeting-attendee-${m.code}`}
                type="checkbox"
                checked={attendees.includes(m.code)}
                onChange={(e) => toggle(m.code, e.target.checked)}
              />
              <label htmlFor={`meeting-attendee-${m.code}`}>
                {m.name}
                {m.thirdSector ? ` (${t("planning.governance.thirdSector")})` : ""}
              </label>
            </div>
          ))}
          {attendeesError ? (
            <div id="meeting-attendees-error" className="invalid-feedback d-block field-error">
              {attendeesError}
            </div>
          ) : null}
        </fieldset>
        <TextAreaField
          id="meeting-minutes"
          label={t("planning.governance.minutes")}
          value={minutes}
          onChange={setMinutes}
          error={fields.minutes}
          rows={4}
        />
        <TextAreaField
          id="meeting-decisions"
          label={t("planning.governance.record.decisions")}
          value={decisions}
          onChange={setDecisions}
          error={listError(fields, "decisions")}
        />
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t("planning.governance.record.save")}
        </button>
      </form>
    </section>
  );
}
