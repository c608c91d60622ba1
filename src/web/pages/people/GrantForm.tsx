import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { useMe } from "../../auth/useMe.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { SelectField } from "../../components/SelectField.tsx";
import { TextField } from "../../components/TextField.tsx";
import { base, useOptions } from "../cases/data.ts";

/** Gives a colleague of another Comune time-limited access to this person's file (e.g. a hand-over). */
export function GrantForm({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const me = useMe();
  const options = useOptions(ambito.slug);
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ userId: "", days: "7", reason: "" });
  const workers = (options.data?.workers ?? []).filter((w) => w.id !== me.user.id);
  const userId = v.userId || String(workers[0]?.id ?? "");
  const grant = useMutation({
    mutationFn: () =>
      api.post<{ id: number; validUntil: string }>(`${base(ambito.slug)}/people/${personId}/grants`, {
        userId: Number(userId),
        days: Number(v.days),
        reason: v.reason,
      }),
  });
  const errors = fieldErrorsOf(grant.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate();
  };
  return (
    <section aria-labelledby="grant-title" className="mb-5">
      <h2 id="grant-title" className="h3">
        {t("cases.grant.title")}
      </h2>
      <p>{t("cases.grant.lead")}</p>
      {open ? null : (
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setOpen(true)}>
          {t("cases.grant.open")}
        </button>
      )}
      {grant.isSuccess ? (
        <div className="alert alert-success" role="status">
          {t("cases.grant.done", {
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(
              new Date(grant.data.validUntil),
            ),
          })}
        </div>
      ) : null}
      {open && !grant.isSuccess ? (
        <form onSubmit={submit} noValidate className="card card-bg p-4">
          {grant.isError ? (
            <div className="alert alert-danger" role="alert">
              {errorText(grant.error, t)}
            </div>
          ) : null}
          <div className="row">
            <div className="col-12 col-md-6">
              <SelectField
                id="grant-user"
                label={t("cases.grant.user")}
                value={userId}
                onChange={(x) => setV({ ...v, userId: x })}
                error={errors.userId}
              >
                {workers.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="grant-days"
                type="number"
                min={1}
                max={90}
                label={t("cases.grant.days")}
                value={v.days}
                onChange={(x) => setV({ ...v, days: x })}
                error={errors.days}
              />
            </div>
            <div className="col-12">
              <TextField
                id="grant-reason"
                label={t("cases.grant.reason")}
                value={v.reason}
                onChange={(x) => setV({ ...v, reason: x })}
                error={errors.reason}
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={grant.isPending || !userId}>
            {t("cases.grant.save")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
