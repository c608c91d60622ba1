import { useTranslation } from "react-i18next";
import { ApiError } from "../api.ts";

/** A failed load or action, in the user's language (the server's message as detail). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-danger" role="alert">
      {errorText(error, t)}
    </div>
  );
}

export function errorText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t("errors.forbidden");
    if (error.status === 404) return t("errors.notFound");
    if (error.status === 409) return t("errors.conflict");
    if (error.status === 429) return t("errors.rateLimited");
    if (error.status >= 500) return t("errors.server");
    if (error.status === 400) return t("errors.validation");
    return t("errors.generic", { message: error.message });
  }
  return t("errors.network");
}
