import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";

/** The pages of the Osservatorio (profile, checker, printable version) as tabs. */
export function ObservatoryTabs() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const root = `/a/${ambito.slug}/osservatorio`;
  const tabs = [
    { to: root, label: t("observatory.tabs.profile"), end: true },
    { to: `${root}/verifica`, label: t("observatory.tabs.check"), end: false },
    { to: `${root}/stampa`, label: t("observatory.tabs.print"), end: false },
  ];
  return (
    <nav aria-label={t("observatory.navLabel")} className="mb-4 d-print-none">
      <ul className="nav nav-tabs flex-wrap">
        {tabs.map((tab) => (
          <li className="nav-item" key={tab.to}>
            <NavLink className="nav-link" to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
