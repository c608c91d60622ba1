import { useTranslation } from "react-i18next";
import { ApiError } from "../../api.ts";
import { errorText } from "../../components/ErrorAlert.tsx";

/** Why the login failed: wrong credentials (401), too many attempts (429), invalid fields, other. */
export function LoginAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let text: string;
  if (error instanceof ApiError && error.status === 401) text = t("login.badCredentials");
  else if (error instanceof ApiError && error.status === 429) {
    const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : null;
    text = minutes ? t("login.tooManyRetry", { count: minutes }) : t("login.tooMany");
  } else if (error instanceof ApiError && error.status === 400) text = t("errors.validation");
  else text = errorText(error, t);
  return (
    <div className="alert alert-danger" role="alert">
      {text}
    </div>
  );
}
