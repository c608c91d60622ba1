import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/** Shown while the account must change its (initial) password. */
export function PasswordBanner() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <div className="alert alert-warning" role="status">
      <p className="mb-0">
        {t("profile.mustChange")}{" "}
        {pathname === "/profilo" ? null : <Link to="/profilo#password">{t("profile.mustChangeLink")}</Link>}
      </p>
    </div>
  );
}
