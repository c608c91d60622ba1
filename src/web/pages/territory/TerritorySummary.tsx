import { useTranslation } from "react-i18next";
import type { AmbitoDetail } from "../../../shared/contracts/territory.ts";

/** Region, ATS, ASST and kind of an Ambito as a description list. */
export function TerritorySummary({ detail }: { detail: AmbitoDetail }) {
  const { t } = useTranslation();
  const lead = detail.comuni.find((c) => c.istatCode === detail.leadComuneIstat);
  const rows: [string, string][] = [
    [t("territory.kind"), t(`territory.kinds.${detail.kind}`)],
    [t("territory.region"), detail.region.name],
    [t("territory.ats"), detail.ats?.name ?? t("common.none")],
    [t("territory.asst"), detail.asst?.name ?? t("common.none")],
    [t("territory.lead"), lead?.name ?? t("common.none")],
  ];
  return (
    <dl className="row territory-summary mb-0">
      {rows.map(([term, value]) => (
        <div className="col-12 col-md-6 col-lg-4 mb-2" key={term}>
          <dt>{term}</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
