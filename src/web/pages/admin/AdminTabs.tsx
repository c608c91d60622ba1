import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";

/** The pages of Amministrazione (users, audit log) as tabs. */
export function AdminTabs() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const tabs = [
    { to: "utenti", label: t("admin.users"), allowed: canAny(ambito, ["users:read"]) },
    { to: "audit", label: t("admin.audit"), allowed: canAny(ambito, ["audit:read"]) },
  ].filter((tab) => tab.allowed);
  return (
    <nav aria-label={t("admin.navLabel")} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map((tab) => (
          <li className="nav-item" key={tab.to}>
            <NavLink className="nav-link" to={`/a/${ambito.slug}/admin/${tab.to}`}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
