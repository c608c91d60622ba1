import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";

/** The views of one budget document as tabs. */
export function BudgetTabs({ id }: { id: number }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const root = `/a/${ambito.slug}/bilancio/documenti/${id}`;
  const tabs = [
    { to: root, label: t("budget.tabs.pivot"), end: true },
    { to: `${root}/confronto`, label: t("budget.tabs.compare"), end: false },
    { to: `${root}/copertura`, label: t("budget.tabs.coverage"), end: false },
    { to: `${root}/controlli`, label: t("budget.tabs.checks"), end: false },
  ];
  return (
    <nav aria-label={t("budget.tabs.label")} className="mb-4">
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
