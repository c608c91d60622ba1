import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { ChartSection } from "./charts.tsx";
import { Downloads } from "./Downloads.tsx";
import { indicatorLabel, ProfileIndex, useProfile } from "./data.ts";
import { FormulaNotes } from "./FormulaNotes.tsx";
import { IndicatorTable } from "./IndicatorTable.tsx";
import { ObservatoryTabs } from "./ObservatoryTabs.tsx";
import { PyramidSection } from "./PyramidSection.tsx";
import { RankingChart } from "./RankingChart.tsx";
import { TileMap } from "./TileMap.tsx";
import { TimeSeriesChart } from "./TimeSeriesChart.tsx";
import "./observatory.css";

/** The indicator shown first when the URL names none: the most common in Italian plans. */
const PREFERRED = "old_age_index";

/** /a/:ambito/osservatorio: the territorial profile, indicator by indicator. */
export function ProfilePage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const query = useProfile(ambito.slug);
  const index = useMemo(() => (query.data ? new ProfileIndex(query.data) : null), [query.data]);
  return (
    <div className="observatory">
      <PageHeader
        title={t("sections.observatory.title")}
        documentTitle={`${t("observatory.tabs.profile")} · ${t("sections.observatory.title")}`}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={t("observatory.profile.lead", { ambito: ambito.name })}
      />
      <ObservatoryTabs />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {index ? <Profile index={index} /> : null}
    </div>
  );
}

function Profile({ index }: { index: ProfileIndex }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const indicators = index.indicatorsWithData();
  if (indicators.length === 0) return <p>{t("observatory.noData")}</p>;

  const requested = params.get("indicatore");
  const indicator =
    indicators.find((i) => i.code === requested)?.code ??
    indicators.find((i) => i.code === PREFERRED)?.code ??
    indicators[0]?.code ??
    "";
  const years = index.yearsOf(indicator);
  const requestedYear = Number(params.get("anno"));
  const year = years.includes(requestedYear) ? requestedYear : (years.at(-1) ?? 0);
  const comune = params.get("comune") ?? index.comuni()[0]?.istatCode ?? "";
  const label = indicatorLabel(t, indicator);
  const set = (key: string) => (value: string) =>
    setParams(
      (p) => {
        p.set(key, value);
        return p;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <SelectField
            id="obs-indicator"
            label={t("observatory.indicator")}
            value={indicator}
            onChange={set("indicatore")}
          >
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {indicatorLabel(t, i.code)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-4 col-lg-3">
          <SelectField id="obs-year" label={t("observatory.year")} value={String(year)} onChange={set("anno")}>
            {[...years].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
      </div>

      <ChartSection id="values" title={t("observatory.valuesTitle", { indicator: label })}>
        <IndicatorTable index={index} indicator={indicator} years={years} label={label} />
        <FormulaNotes index={index} indicator={indicator} />
      </ChartSection>

      <div className="row">
        <div className="col-12 col-xl-6">
          <ChartSection id="series" title={t("observatory.timeSeries.title", { indicator: label })}>
            <TimeSeriesChart
              index={index}
              indicator={indicator}
              label={label}
              comune={comune}
              onComune={set("comune")}
            />
          </ChartSection>
        </div>
        <div className="col-12 col-xl-6">
          <ChartSection id="ranking" title={t("observatory.ranking.title", { indicator: label, year })}>
            <RankingChart index={index} indicator={indicator} year={year} label={label} />
          </ChartSection>
        </div>
        <div className="col-12 col-xl-6">
          <ChartSection id="map" title={t("observatory.map.title", { indicator: label, year })}>
            <TileMap index={index} indicator={indicator} year={year} label={label} />
          </ChartSection>
        </div>
        <div className="col-12 col-xl-6">
          <PyramidSection index={index} />
        </div>
      </div>

      <Downloads slug={index.profile.ambito.slug} />
    </>
  );
}
