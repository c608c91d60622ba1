import { useTranslation } from "react-i18next";

/** The identity provider login (SPID / CIE): a full-page navigation to the server's OIDC route. */
export function OidcLogin({ name, url }: { name: string; url: string }) {
  const { t } = useTranslation();
  return (
    <div className="mt-4 pt-4 border-top">
      <p className="mb-3">{t("login.oidcLead")}</p>
      <a className="btn btn-outline-primary w-100" href={url}>
        {t("login.oidc", { name })}
      </a>
    </div>
  );
}
