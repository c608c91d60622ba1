import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { ME_KEY } from "../../auth/useMe.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { TextField } from "../../components/TextField.tsx";

/** Change one's own password (POST /api/auth/password; other sessions are closed by the server). */
export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>("/api/auth/password", body),
    onSuccess: () => {
      setCurrent("");
      setNew("");
      setConfirm("");
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const fields = fieldErrorsOf(change.error, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = newPassword !== confirm;
    setMismatch(differ);
    if (differ) return;
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <section aria-labelledby="password" className="mb-5">
      <h2 id="password" className="h3 mb-4" tabIndex={-1}>
        {t("profile.passwordTitle")}
      </h2>
      <div aria-live="polite">
        {change.isSuccess ? (
          <div className="alert alert-success" role="status">
            {t("profile.passwordChanged")}
          </div>
        ) : null}
        {change.isError ? (
          <div className="alert alert-danger" role="alert">
            {errorText(change.error, t)}
          </div>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="row">
        <div className="col-12 col-lg-8">
          <TextField
            id="current-password"
            type="password"
            label={t("profile.currentPassword")}
            value={currentPassword}
            onChange={setCurrent}
            autoComplete="current-password"
            required
            error={fields.currentPassword}
          />
          <TextField
            id="new-password"
            type="password"
            label={t("profile.newPassword")}
            hint={t("profile.newPasswordHint")}
            value={newPassword}
            onChange={setNew}
            autoComplete="new-password"
            required
            error={fields.newPassword}
          />
          <TextField
            id="confirm-password"
            type="password"
            label={t("profile.confirmPassword")}
            value={confirm}
            onChange={setConfirm}
            autoComplete="new-password"
            required
            error={mismatch ? t("profile.mismatch") : undefined}
          />
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {t("profile.changePassword")}
          </button>
        </div>
      </form>
    </section>
  );
}
