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
import { type CompareDto, euro, exportUrl, type Params, percent, useCompare, useDocuments } from "./data.ts";

/** /…/documenti/:id/confronto: new, discontinued and unplanned lines; settori side by side. */
export function ComparePage() {
  const { t } = useTranslation();
  return <DocumentLayout view={t("budget.tabs.compare")}>{(doc) => <Compare id={doc.id} />}</DocumentLayout>;
}

function Compare({ id }: { id: number }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [search, setSearch] = useSearchParams();
  const params: Params = { side: search.get("side") ?? "spese" };
  const other = search.get("with");
  if (other) params.with = other;
  const docs = useDocuments(ambito.slug);
  const compare = useCompare(ambito.slug, id, params);
  const set = (k: string, v: string) =>
    setSearch((s) => {
      if (v) s.set(k, v);
      else s.delete(k);
      return s;
    });
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            id="cmp-side"
            label={t("budget.pivot.side")}
            value={params.side ?? "spese"}
            onChange={(v) => set("side", v)}
          >
            <option value="spese">{t("budget.sides.spese")}</option>
            <option value="entrate">{t("budget.sides.entrate")}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            id="cmp-with"
            label={t("budget.compare.with")}
            value={other ?? ""}
            onChange={(v) => set("with", v)}
          >
            <option value="">{t("budget.compare.withinDocument")}</option>
            {(docs.data ?? [])
              .filter((d) => d.id !== id)
              .map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.title}
                </option>
              ))}
          </SelectField>
        </div>
      </div>
      {compare.isPending ? <Loading /> : null}
      {compare.isError ? <ErrorAlert error={compare.error} /> : null}
      {compare.data ? <CompareResult data={compare.data} id={id} params={params} /> : null}
    </>
  );
}

function CompareResult({ data, id, params }: { data: CompareDto; id: number; params: Params }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const money = (c: number) => euro(i18n.language, c);
  const otherLabel = data.withDocumentId ? t("budget.compare.otherDocument") : t("budget.compare.priorForecast");
  const settori = data.settori.filter((s) => s.forecastCents || s.otherCents);
  return (
    <>
      <h2 className="h4">{t("budget.compare.summary")}</h2>
      <ul className="small">
        {Object.entries(data.rules).map(([k, v]) => (
          <li key={k}>
            <strong>{t(`budget.compare.status.${k}`)}</strong>: {v}
          </li>
        ))}
      </ul>
      <ScrollTable label={t("budget.compare.summary")}>
        <table className="table table-sm">
          <caption>{t("budget.compare.summaryCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.compare.statusLabel")}</th>
              <th scope="col" className="text-end">
                {t("budget.pivot.lines")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.compare.forecast")}
              </th>
              <th scope="col" className="text-end">
                {otherLabel}
              </th>
              <th scope="col" className="text-end">
                {t("budget.compare.priorActual")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.summary.map((s) => (
              <tr key={s.status}>
                <th scope="row">{t(`budget.compare.status.${s.status}`)}</th>
                <td className="text-end">{s.lines}</td>
                <td className="text-end text-nowrap">{money(s.forecastCents)}</td>
                <td className="text-end text-nowrap">{money(s.otherCents)}</td>
                <td className="text-end text-nowrap">{money(s.priorActualCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2 className="h4 mt-4">{t("budget.compare.bySettore")}</h2>
      {settori.length ? (
        <EChart
          testId="compare-chart"
          height={Math.max(220, settori.length * 44 + 80)}
          label={t("budget.compare.chartLabel", { count: settori.length, other: otherLabel })}
          option={{
            tooltip: { trigger: "axis" },
            legend: { top: 0 },
            grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
            xAxis: { type: "value" },
            yAxis: { type: "category", data: settori.map((s) => `${s.settore} ${s.label ?? ""}`.slice(0, 40)) },
            series: [
              { type: "bar", name: t("budget.compare.forecast"), data: settori.map((s) => s.forecastCents / 100) },
              { type: "bar", name: otherLabel, data: settori.map((s) => s.otherCents / 100) },
            ],
          }}
        />
      ) : null}
      <ScrollTable label={t("budget.compare.bySettore")}>
        <table className="table table-sm table-striped">
          <caption>{t("budget.compare.bySettoreCaption", { other: otherLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.axes.settore")}</th>
              <th scope="col" className="text-end">
                {t("budget.compare.forecast")}
              </th>
              <th scope="col" className="text-end">
                {otherLabel}
              </th>
              <th scope="col" className="text-end">
                {t("budget.compare.diff")}
              </th>
              <th scope="col" className="text-end">
                %
              </th>
            </tr>
          </thead>
          <tbody>
            {data.settori.map((s) => (
              <tr key={s.settore}>
                <th scope="row">
                  {s.settore} {s.label}
                </th>
                <td className="text-end text-nowrap">{money(s.forecastCents)}</td>
                <td className="text-end text-nowrap">{money(s.otherCents)}</td>
                <td className="text-end text-nowrap">{money(s.diffCents)}</td>
                <td className="text-end text-nowrap">{percent(i18n.language, s.pct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2 className="h4 mt-4">{t("budget.compare.lines")}</h2>
      <Downloads
        what={t("budget.compare.lines")}
        csv={exportUrl(ambito.slug, id, "compare", params, "csv")}
        xlsx={exportUrl(ambito.slug, id, "compare", params, "xlsx")}
      />
      <ScrollTable label={t("budget.compare.lines")}>
        <table className="table table-sm table-striped" data-testid="compare-lines">
          <caption>{t("budget.compare.linesCaption", { count: data.lines.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.pivot.peg")}</th>
              <th scope="col">{t("budget.compare.statusLabel")}</th>
              <th scope="col">{t("budget.pivot.where")}</th>
              <th scope="col" className="text-end">
                {t("budget.compare.forecast")}
              </th>
              <th scope="col" className="text-end">
                {otherLabel}
              </th>
              <th scope="col" className="text-end">
                {t("budget.compare.priorActual")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((l) => (
              <tr key={`${l.status}${l.section}${l.key}`}>
                <th scope="row">
                  {l.key} {l.description}
                </th>
                <td>{t(`budget.compare.status.${l.status}`)}</td>
                <td className="small">
                  {l.section} · {t("budget.axes.settore")} {l.settore}
                </td>
                <td className="text-end text-nowrap">{money(l.forecastCents)}</td>
                <td className="text-end text-nowrap">{money(l.otherCents)}</td>
                <td className="text-end text-nowrap">{money(l.priorActualCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
