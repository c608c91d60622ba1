import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { EChart } from "../../components/EChart.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { DocumentLayout } from "./DocumentLayout.tsx";
import { Downloads } from "./Downloads.tsx";
import { type CoverageDto, euro, exportUrl, percent, useCoverage } from "./data.ts";

/** /…/documenti/:id/copertura: restricted revenue vs spending, and spending covered by own revenue. */
export function CoveragePage() {
  const { t } = useTranslation();
  return (
    <DocumentLayout view={t("budget.tabs.coverage")}>
      {(doc) => <Coverage id={doc.id} year={doc.year} />}
    </DocumentLayout>
  );
}

function Coverage({ id, year }: { id: number; year: number }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [search, setSearch] = useSearchParams();
  const part = search.get("part") === "capitale" ? "capitale" : "corrente";
  const coverage = useCoverage(ambito.slug, id, part);
  return (
    <>
      <p>{t("budget.coverage.lead")}</p>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="cov-part"
            label={t("budget.coverage.part")}
            value={part}
            onChange={(v) => setSearch({ part: v })}
          >
            <option value="corrente">{t("budget.coverage.corrente")}</option>
            <option value="capitale">{t("budget.coverage.capitale")}</option>
          </SelectField>
        </div>
      </div>
      <Downloads
        what={t("budget.tabs.coverage")}
        csv={exportUrl(ambito.slug, id, "coverage", { part }, "csv")}
        xlsx={exportUrl(ambito.slug, id, "coverage", { part }, "xlsx")}
      />
      {coverage.isPending ? <Loading /> : null}
      {coverage.isError ? <ErrorAlert error={coverage.error} /> : null}
      {coverage.data ? <CoverageResult data={coverage.data} year={year} /> : null}
    </>
  );
}

function CoverageResult({ data, year }: { data: CoverageDto; year: number }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => euro(i18n.language, c);
  const rows = [...data.rows, { ...data.total, settore: t("budget.pivot.total"), label: null }];
  return (
    <>
      <EChart
        testId="coverage-chart"
        height={Math.max(220, data.rows.length * 44 + 80)}
        label={t("budget.coverage.chartLabel", {
          year,
          revenue: money(data.total.revenue.forecastCents),
          spending: money(data.total.spending.forecastCents),
          pct: percent(i18n.language, data.total.coveragePct.forecast),
        })}
        option={{
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
          xAxis: { type: "value" },
          yAxis: { type: "category", data: data.rows.map((r) => `${r.settore} ${r.label ?? ""}`.slice(0, 40)) },
          series: [
            {
              type: "bar",
              name: t("budget.coverage.revenue"),
              data: data.rows.map((r) => r.revenue.forecastCents / 100),
            },
            {
              type: "bar",
              name: t("budget.coverage.spending"),
              data: data.rows.map((r) => r.spending.forecastCents / 100),
            },
            {
              type: "bar",
              name: t("budget.coverage.restrictedRevenue"),
              data: data.rows.map((r) => r.restrictedRevenue.forecastCents / 100),
            },
            {
              type: "bar",
              name: t("budget.coverage.restrictedSpending"),
              data: data.rows.map((r) => r.restrictedSpending.forecastCents / 100),
            },
          ],
        }}
      />
      <ScrollTable label={t("budget.tabs.coverage")}>
        <table className="table table-sm table-striped" data-testid="coverage-table">
          <caption>{t("budget.coverage.caption", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.axes.settore")}</th>
              <th scope="col" className="text-end">
                {t("budget.coverage.revenue")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.coverage.spending")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.coverage.pct")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.coverage.restrictedRevenue")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.coverage.restrictedSpending")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.coverage.restrictedGap")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.settore}>
                <th scope="row">
                  {r.settore} {r.label}
                </th>
                <td className="text-end text-nowrap">{money(r.revenue.forecastCents)}</td>
                <td className="text-end text-nowrap">{money(r.spending.forecastCents)}</td>
                <td className="text-end text-nowrap">{percent(i18n.language, r.coveragePct.forecast)}</td>
                <td className="text-end text-nowrap">{money(r.restrictedRevenue.forecastCents)}</td>
                <td className="text-end text-nowrap">{money(r.restrictedSpending.forecastCents)}</td>
                <td className="text-end text-nowrap">
                  {money(r.restrictedRevenue.forecastCents - r.restrictedSpending.forecastCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
