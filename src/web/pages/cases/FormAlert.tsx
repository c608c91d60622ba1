import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { errorText } from "../../components/ErrorAlert.tsx";

/**
 * The error of a case-file form. A 409 means the record moved under the user's feet (a colleague
 * changed it, or it is no longer in a state that allows this): say so and offer a reload.
 */
export function FormAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 409) {
    return (
      <div className="alert alert-warning" role="alert">
        <p className="mb-1">{t("cases.conflict.text")}</p>
        <p className="small mb-2">{error.message}</p>
        {onReload ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onReload}>
            {t("cases.conflict.reload")}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="alert alert-danger" role="alert">
      {errorText(error, t)}
    </div>
  );
}
