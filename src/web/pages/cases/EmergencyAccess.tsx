import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { errorText } from "../../components/ErrorAlert.tsx";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { base } from "./data.ts";

/**
 * "Break the glass": the file of a person in another Comune's care, opened for a few hours with a
 * stated reason. The access is recorded and reviewed by the Ufficio di Piano.
 */
export function EmergencyAccess({ personId, onOpened }: { personId: string; onOpened: () => void }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const open = useMutation({
    mutationFn: () => api.post(`${base(ambito.slug)}/people/${personId}/emergency-access`, { reason }),
    onSuccess: () => {
      dialog.current?.close();
      onOpened();
    },
  });
  const errors = fieldErrorsOf(open.error, t);
  if (!canAny(ambito, ["cases:emergency"])) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };
  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => dialog.current?.showModal()}>
        {t("cases.emergency.button")}
      </button>
      <dialog ref={dialog} aria-labelledby="emergency-title" className="emergency-dialog p-4 border rounded">
        <form onSubmit={submit} noValidate>
          <h2 id="emergency-title" className="h4">
            {t("cases.emergency.title")}
          </h2>
          <p>{t("cases.emergency.explain")}</p>
          {open.isError && !errors.reason ? (
            <div className="alert alert-danger" role="alert">
              {errorText(open.error, t)}
            </div>
          ) : null}
          <div className="form-group">
            <label htmlFor="emergency-reason" className="active">
              {t("cases.emergency.reason")}
            </label>
            <textarea
              id="emergency-reason"
              className={`form-control ${errors.reason ? "is-invalid" : ""}`}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={errors.reason ? "emergency-reason-error" : "emergency-reason-hint"}
              aria-invalid={errors.reason ? true : undefined}
            />
            <small id="emergency-reason-hint" className="form-text">
              {t("cases.emergency.reasonHint")}
            </small>
            {errors.reason ? (
              <div id="emergency-reason-error" className="invalid-feedback d-block">
                {errors.reason}
              </div>
            ) : null}
          </div>
          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-danger" disabled={open.isPending}>
              {t("cases.emergency.confirm")}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => dialog.current?.close()}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
