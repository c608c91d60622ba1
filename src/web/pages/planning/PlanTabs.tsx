import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";

/** The views of one plan as tabs. */
export function PlanTabs({ id }: { id: number }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const root = `/a/${ambito.slug}/programmazione/piani/${id}`;
  const tabs = [
    { to: root, label: t("planning.tabs.overview"), end: true },
    { to: `${root}/monitoraggio`, label: t("planning.tabs.monitoring"), end: false },
    { to: `${root}/valutazione`, label: t("planning.tabs.evaluation"), end: false },
    { to: `${root}/asst`, label: t("planning.tabs.asst"), end: false },
    { to: `${root}/leps`, label: t("planning.leps.tab"), end: false },
    { to: `${root}/download`, label: t("planning.tabs.downloads"), end: false },
  ];
  return (
    <nav aria-label={t("planning.tabs.label")} className="mb-4">
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
