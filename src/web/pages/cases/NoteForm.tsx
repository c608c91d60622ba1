import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, today } from "./data.ts";

export const NOTE_TYPES = ["interview", "home_visit", "team_meeting", "phone_call", "other"] as const;

/** A dated diary note of a given type (colloquio, visita domiciliare, équipe…). */
export function NoteForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [v, setV] = useState({ noteType: "interview", occurredOn: today(), body: "" });
  const save = useMutation({
    mutationFn: () => api.post(`${base(ambito.slug)}/cases/${caseId}/notes`, v),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="card card-bg p-4 my-3" aria-label={t("cases.diary.new")}>
      {save.isError ? (
        <div className="alert alert-danger" role="alert">
          {errorText(save.error, t)}
        </div>
      ) : null}
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="note-type"
            label={t("cases.diary.type")}
            value={v.noteType}
            onChange={(x) => setV({ ...v, noteType: x })}
            error={errors.noteType}
          >
            {NOTE_TYPES.map((n) => (
              <option key={n} value={n}>
                {t(`cases.diary.types.${n}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="note-date"
            type="date"
            label={t("cases.diary.date")}
            value={v.occurredOn}
            onChange={(x) => setV({ ...v, occurredOn: x })}
            error={errors.occurredOn}
            max={today()}
          />
        </div>
        <div className="col-12">
          <div className="form-group">
            <label htmlFor="note-body" className="active">
              {t("cases.diary.body")}
            </label>
            <textarea
              id="note-body"
              rows={5}
              className={`form-control ${errors.body ? "is-invalid" : ""}`}
              value={v.body}
              onChange={(e) => setV({ ...v, body: e.target.value })}
              aria-invalid={errors.body ? true : undefined}
              aria-describedby={errors.body ? "note-body-error" : undefined}
            />
            {errors.body ? (
              <div id="note-body-error" className="invalid-feedback d-block">
                {errors.body}
              </div>
            ) : null}
          </div>
        </div>
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t("cases.diary.save")}
        </button>
      </div>
    </form>
  );
}
