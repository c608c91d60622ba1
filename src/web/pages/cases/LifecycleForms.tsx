import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, type CaseFile, today, useOptions } from "./data.ts";
import { FormAlert } from "./FormAlert.tsx";

type Done = () => Promise<unknown> | undefined;

/** POST to one lifecycle endpoint of the case; the field errors come back keyed by field. */
export function useCaseAction(caseId: string, action: string, onDone: Done) {
  const ambito = useAmbito();
  return useMutation({
    mutationFn: (body: unknown) => api.post(`${base(ambito.slug)}/cases/${caseId}/${action}`, body),
    onSuccess: onDone,
  });
}

/** A lifecycle form: its title, the server's error, the fields and the submit button. */
export function ActionForm(props: {
  id: string;
  title: string;
  submit: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const send = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form onSubmit={send} noValidate className="card card-bg p-4 my-3" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`} className="h4">
        {props.title}
      </h3>
      <FormAlert error={props.error} onReload={props.onReload} />
      {props.children}
      <div>
        <button type="submit" className="btn btn-primary" disabled={props.pending}>
          {props.submit}
        </button>
      </div>
    </form>
  );
}

function ReasonField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return <TextField id={id} label={t("cases.lifecycle.reason")} value={value} onChange={onChange} error={error} />;
}

/** Close with one of the server's closure reasons, a date and an optional note. */
export function CloseForm({ file, onDone, onReload }: { file: CaseFile; onDone: Done; onReload: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const reasons = useOptions(ambito.slug).data?.closureReasons ?? [];
  const [v, setV] = useState({ reason: "", closedOn: today(), note: "" });
  const close = useCaseAction(file.case.id, "close", onDone);
  const errors = fieldErrorsOf(close.error, t);
  return (
    <ActionForm
      id="close-form"
      title={t("cases.lifecycle.closeTitle")}
      submit={t("cases.lifecycle.closeSubmit")}
      pending={close.isPending}
      error={close.error}
      onReload={onReload}
      onSubmit={() =>
        close.mutate({ reason: v.reason, closedOn: v.closedOn, ...(v.note.trim() ? { note: v.note } : {}) })
      }
    >
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="close-reason"
            label={t("cases.lifecycle.closureReason")}
            value={v.reason}
            onChange={(x) => setV({ ...v, reason: x })}
            error={errors.reason}
          >
            <option value="">{t("cases.lifecycle.choose")}</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {t(`cases.closure.${r}`, { defaultValue: r })}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="close-date"
            type="date"
            label={t("cases.lifecycle.closedOn")}
            value={v.closedOn}
            onChange={(x) => setV({ ...v, closedOn: x })}
            error={errors.closedOn}
            max={today()}
          />
        </div>
        <div className="col-12">
          <TextField
            id="close-note"
            label={t("cases.lifecycle.note")}
            value={v.note}
            onChange={(x) => setV({ ...v, note: x })}
            error={errors.note}
          />
        </div>
      </div>
    </ActionForm>
  );
}

/** Reopen a closed case, or suspend / resume an open one: both need a reason. */
export function ReasonForm({
  file,
  kind,
  onDone,
  onReload,
}: {
  file: CaseFile;
  kind: "reopen" | "suspend" | "resume";
  onDone: Done;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const action = useCaseAction(file.case.id, kind === "reopen" ? "reopen" : "status", onDone);
  const errors = fieldErrorsOf(action.error, t);
  const body = kind === "reopen" ? { reason } : { reason, status: kind === "suspend" ? "suspended" : "open" };
  return (
    <ActionForm
      id={`${kind}-form`}
      title={t(`cases.lifecycle.${kind}Title`)}
      submit={t(`cases.lifecycle.${kind}Submit`)}
      pending={action.isPending}
      error={action.error}
      onReload={onReload}
      onSubmit={() => action.mutate(body)}
    >
      <ReasonField id={`${kind}-reason`} value={reason} onChange={setReason} error={errors.reason} />
    </ActionForm>
  );
}

/** Adds a social worker of the Ambito to the équipe. */
export function TeamForm({ file, onDone, onReload }: { file: CaseFile; onDone: Done; onReload: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const members = new Set(file.case.team.map((m) => m.userId));
  const workers = (useOptions(ambito.slug).data?.workers ?? []).filter((w) => !members.has(w.id));
  const [userId, setUserId] = useState("");
  const add = useCaseAction(file.case.id, "team", onDone);
  const errors = fieldErrorsOf(add.error, t);
  return (
    <ActionForm
      id="team-form"
      title={t("cases.lifecycle.teamTitle")}
      submit={t("cases.lifecycle.teamSubmit")}
      pending={add.isPending}
      error={add.error}
      onReload={onReload}
      onSubmit={() => add.mutate({ userId: Number(userId) || 0 })}
    >
      <SelectField
        id="team-user"
        label={t("cases.lifecycle.colleague")}
        value={userId}
        onChange={setUserId}
        error={errors.userId}
      >
        <option value="">{t("cases.lifecycle.choose")}</option>
        {workers.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </SelectField>
    </ActionForm>
  );
}
