import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Icon } from "../../components/Icon.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { ChartSection } from "./charts.tsx";
import { AMBITO, type IndicatorInfo, indicatorLabel, ProfileIndex, useProfile } from "./data.ts";
import { ValueCell } from "./IndicatorTable.tsx";
import { ObservatoryTabs } from "./ObservatoryTabs.tsx";
import { PyramidChart } from "./PyramidChart.tsx";
import { RankingChart } from "./RankingChart.tsx";
import { TileMap } from "./TileMap.tsx";
import { TimeSeriesChart } from "./TimeSeriesChart.tsx";
import "./observatory.css";
import { ScrollTable } from "../../components/ScrollTable.tsx";

/** /a/:ambito/osservatorio/stampa: the profile on A4 (the browser prints it or saves it as PDF). */
export function PrintPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const query = useProfile(ambito.slug);
  const index = useMemo(() => (query.data ? new ProfileIndex(query.data) : null), [query.data]);
  return (
    <div className="observatory print-page">
      <PageHeader
        title={t("observatory.print.title", { ambito: ambito.name })}
        documentTitle={`${t("observatory.tabs.print")} · ${t("sections.observatory.title")}`}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.observatory.title"), to: `/a/${ambito.slug}/osservatorio` },
        ]}
      />
      <ObservatoryTabs />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {index ? <PrintableProfile index={index} /> : null}
    </div>
  );
}

/** Indices first, then shares and rates: two tables narrow enough for A4. */
const GROUPS: { id: string; units: IndicatorInfo["unit"][] }[] = [
  { id: "indices", units: ["index"] },
  { id: "shares", units: ["percent", "per_mille"] },
];

function PrintableProfile({ index }: { index: ProfileIndex }) {
  const { t, i18n } = useTranslation();
  const indicators = index.indicatorsWithData();
  const [chosen, setChosen] = useState<string | null>(null);
  const chart = chosen ?? indicators.find((i) => i.code === "old_age_index")?.code ?? indicators[0]?.code;
  if (!chart) return <p>{t("observatory.noData")}</p>;
  const label = indicatorLabel(t, chart);
  const chartYear = index.yearsOf(chart).at(-1) ?? 0;
  const comuni = index.comuni();
  const pyramidYear = index.populationYears()[0];
  const today = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "it-IT", { dateStyle: "long" });

  return (
    <>
      <div className="d-print-none d-flex flex-wrap align-items-end gap-4 mb-4">
        <button type="button" className="btn btn-primary mb-4" onClick={() => window.print()}>
          <Icon name="print" className="icon-white icon-sm me-2" />
          {t("observatory.print.button")}
        </button>
        <div className="flex-grow-1" style={{ maxWidth: "28rem" }}>
          <SelectField
            id="print-indicator"
            label={t("observatory.print.chartIndicator")}
            value={chart}
            onChange={setChosen}
          >
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {indicatorLabel(t, i.code)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <p>{t("observatory.print.lead", { count: comuni.length, date: today.format(new Date()) })}</p>

      {GROUPS.map((group) => {
        const cols = indicators.filter((i) => group.units.includes(i.unit));
        if (cols.length === 0) return null;
        const years = new Map(cols.map((i) => [i.code, index.yearsOf(i.code).at(-1) ?? 0]));
        return (
          <section key={group.id} aria-labelledby={`print-${group.id}`} className="print-block mb-4">
            <h2 id={`print-${group.id}`} className="h4">
              {t(`observatory.print.groups.${group.id}`)}
            </h2>
            <ScrollTable label={t("observatory.scrollTable", { table: t(`observatory.print.groups.${group.id}`) })}>
              <table className="table table-sm table-striped print-table">
                <caption>
                  {t("observatory.print.caption", { group: t(`observatory.print.groups.${group.id}`) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("observatory.territory")}</th>
                    {cols.map((i) => (
                      <th scope="col" className="text-end" key={i.code}>
                        {indicatorLabel(t, i.code)} ({years.get(i.code)})
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...comuni.map((c) => ({ code: c.istatCode, name: c.name })), { code: AMBITO, name: "" }].map(
                    (row) => (
                      <tr key={row.code} className={row.code === AMBITO ? "ambito-row fw-bold" : undefined}>
                        <th scope="row">{row.code === AMBITO ? t("observatory.ambitoRow") : row.name}</th>
                        {cols.map((i) => (
                          <ValueCell
                            key={i.code}
                            index={index}
                            value={index.get(row.code, i.code, years.get(i.code) ?? 0)}
                            compact
                          />
                        ))}
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        );
      })}

      <section aria-labelledby="print-notes" className="print-block mb-4">
        <h2 id="print-notes" className="h4">
          {t("observatory.print.notesTitle")}
        </h2>
        <p className="small mb-1">{t("observatory.print.publishedMark")}</p>
        <p className="small">{t("observatory.ambitoNote")}</p>
        <dl className="small formulas">
          {indicators.map((i) => (
            <div key={i.code} className="mb-1">
              <dt className="d-inline">{indicatorLabel(t, i.code)}: </dt>
              <dd className="d-inline">{i.formula}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="print-charts">
        <ChartSection id="print-series" title={t("observatory.timeSeries.title", { indicator: label })}>
          <TimeSeriesChart index={index} indicator={chart} label={label} comune="" idPrefix="print-ts" />
        </ChartSection>
        <ChartSection id="print-ranking" title={t("observatory.ranking.title", { indicator: label, year: chartYear })}>
          <RankingChart index={index} indicator={chart} year={chartYear} label={label} idPrefix="print-ranking" />
        </ChartSection>
        <ChartSection id="print-map" title={t("observatory.map.title", { indicator: label, year: chartYear })}>
          <TileMap index={index} indicator={chart} year={chartYear} label={label} />
        </ChartSection>
        <ChartSection
          id="print-pyramid"
          title={t("observatory.pyramid.titleFor", { territory: t("observatory.ambito") })}
        >
          <PyramidChart
            slug={index.profile.ambito.slug}
            territory={AMBITO}
            territoryName={t("observatory.ambito")}
            year={pyramidYear}
            idPrefix="print-pyramid"
          />
        </ChartSection>
      </div>
      <p className="small text-muted-strong">{t("observatory.print.footer")}</p>
    </>
  );
}
