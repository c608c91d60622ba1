import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import type { PlanDocument } from "./data.ts";

/**
 * The frame of an editor form: what saving does to the plan in its state, the error of the last
 * attempt (a 409 says someone else changed the plan), save/cancel and a two-step delete.
 */
export function EditorFrame({
  plan,
  title,
  error,
  pending,
  onSubmit,
  onCancel,
  onDelete,
  children,
}: {
  plan: PlanDocument & { id: number };
  title: string;
  error: unknown;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  onDelete?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  // A stale editor (If-Match refused) names the header; other 409s explain themselves.
  const conflict = error instanceof ApiError && error.fields.some((f) => f.path === "headers.if-match");
  return (
    <form onSubmit={submit} noValidate aria-labelledby="editor-title">
      <h2 className="h3" id="editor-title">
        {title}
      </h2>
      <div className={`alert ${plan.status === "draft" ? "alert-info" : "alert-warning"}`} role="note">
        {plan.status === "draft"
          ? t("planning.edit.draftNote")
          : t("planning.edit.versionNote", {
              status: t(`planning.planStatus.${plan.status}`),
              next: (plan.version ?? 1) + 1,
            })}
      </div>
      {conflict ? (
        <div className="alert alert-danger" role="alert">
          <p className="mb-2">{t("planning.edit.conflict")}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => window.location.reload()}>
            {t("planning.edit.reload")}
          </button>
        </div>
      ) : error instanceof ApiError && error.status === 409 ? (
        <div className="alert alert-danger" role="alert">
          {t("planning.edit.inUse")}
        </div>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      {children}
      <div className="d-flex flex-wrap gap-2 mt-4">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t("planning.edit.save")}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t("planning.edit.cancel")}
        </button>
        {onDelete ? (
          confirming ? (
            <button type="button" className="btn btn-danger ms-auto" onClick={onDelete} disabled={pending}>
              {t("planning.edit.confirmDelete")}
            </button>
          ) : (
            <button type="button" className="btn btn-outline-danger ms-auto" onClick={() => setConfirming(true)}>
              {t("planning.edit.delete")}
            </button>
          )
        ) : null}
      </div>
    </form>
  );
}
