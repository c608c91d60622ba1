import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { EChart } from "../../components/EChart.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { DocumentLayout } from "./DocumentLayout.tsx";
import { Downloads } from "./Downloads.tsx";
import { euro, exportUrl, type Params, type PivotDto, type PivotRow, percent, usePivot } from "./data.ts";
import { pegToSegment } from "./links.data.ts";

const AXES = ["settore", "titolo", "macroaggregato", "pdc", "missione", "programma", "line"] as const;
const FILTERS = ["settore", "titolo", "macroaggregato", "pdc", "missione", "programma", "vincolo"] as const;
const SECTIONS: Record<string, string[]> = { spese: ["1.B", "2.B"], entrate: ["1.A", "2.A"] };
/** After filtering on a settore the lines are shown; other axes go one level finer. */
const NEXT: Record<string, string> = {
  settore: "line",
  titolo: "macroaggregato",
  macroaggregato: "pdc",
  pdc: "line",
  missione: "programma",
  programma: "line",
};

/** The page's query (URL) as API parameters, with defaults. */
function paramsOf(search: URLSearchParams): Params {
  const p: Params = { side: search.get("side") ?? "spese", rows: search.get("rows") ?? "settore" };
  for (const k of ["section", "level", ...FILTERS]) {
    const v = search.get(k);
    if (v) p[k] = v;
  }
  if (p.rows === "pdc") p.level ??= "3";
  return p;
}

/** /a/:ambito/bilancio/documenti/:id: sums by an axis, drill-down to the lines, chart and exports. */
export function PivotPage() {
  const { t } = useTranslation();
  return <DocumentLayout view={t("budget.tabs.pivot")}>{(doc) => <Pivot id={doc.id} />}</DocumentLayout>;
}

function Pivot({ id }: { id: number }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [search, setSearch] = useSearchParams();
  const params = paramsOf(search);
  const pivot = usePivot(ambito.slug, id, params);
  const set = (changes: Record<string, string | null>) =>
    setSearch(
      (s) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === "") s.delete(k);
          else s.set(k, v);
        }
        return s;
      },
      { preventScrollReset: true },
    );
  const axisLabel = (a: string) => t(`budget.axes.${a}`);
  const active = FILTERS.filter((f) => params[f]);
  return (
    <>
      <div className="row">
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="pv-side"
            label={t("budget.pivot.side")}
            value={params.side ?? "spese"}
            onChange={(v) => set({ side: v, section: null })}
          >
            <option value="spese">{t("budget.sides.spese")}</option>
            <option value="entrate">{t("budget.sides.entrate")}</option>
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="pv-section"
            label={t("budget.pivot.section")}
            value={params.section ?? ""}
            onChange={(v) => set({ section: v })}
          >
            <option value="">{t("budget.pivot.allSections")}</option>
            {(SECTIONS[params.side ?? "spese"] ?? []).map((s) => (
              <option key={s} value={s}>
                {t(`budget.sections.${s.replace(".", "")}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <SelectField
            id="pv-rows"
            label={t("budget.pivot.rows")}
            value={params.rows ?? "settore"}
            onChange={(v) => set({ rows: v })}
          >
            {AXES.map((a) => (
              <option key={a} value={a}>
                {axisLabel(a)}
              </option>
            ))}
          </SelectField>
        </div>
        {params.rows === "pdc" ? (
          <div className="col-12 col-md-6 col-lg-3">
            <SelectField
              id="pv-level"
              label={t("budget.pivot.level")}
              value={params.level ?? "3"}
              onChange={(v) => set({ level: v })}
            >
              {[1, 2, 3, 4, 5].map((l) => (
                <option key={l} value={String(l)}>
                  {t("budget.pivot.levelN", { level: l })}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
      </div>
      {active.length ? (
        <div className="mb-3" data-testid="active-filters">
          <span className="me-2">{t("budget.pivot.filters")}</span>
          {active.map((f) => (
            <button
              key={f}
              type="button"
              className="btn btn-outline-secondary btn-xs me-2 mb-1"
              onClick={() => set({ [f]: null })}
            >
              {t("budget.pivot.removeFilter", { axis: axisLabel(f === "vincolo" ? "vincolo" : f), value: params[f] })}
            </button>
          ))}
        </div>
      ) : null}
      {pivot.isPending ? <Loading /> : null}
      {pivot.isError ? <ErrorAlert error={pivot.error} /> : null}
      {pivot.data ? (
        <>
          <Downloads
            what={t("budget.pivot.thisTable")}
            csv={exportUrl(ambito.slug, id, "pivot", params, "csv")}
            xlsx={exportUrl(ambito.slug, id, "pivot", params, "xlsx")}
          />
          <PivotChart data={pivot.data} axis={axisLabel(pivot.data.rows)} />
          <PivotTable
            data={pivot.data}
            axis={axisLabel(pivot.data.rows)}
            drill={(row) => {
              const axis = pivot.data.rows;
              // A spending line opens what it pays for (links to services and plan objectives).
              if (axis === "line" && row.key && ["1.B", "2.B"].includes(row.line?.section ?? ""))
                return `/a/${ambito.slug}/bilancio/documenti/${id}/righe/${pegToSegment(row.key)}`;
              if (axis === "line" || !row.key) return null;
              const next = new URLSearchParams(search);
              next.set(axis, row.key);
              next.set("rows", NEXT[axis] ?? "line");
              if (NEXT[axis] === "pdc") next.set("level", "4");
              return `?${next.toString()}`;
            }}
          />
        </>
      ) : null}
    </>
  );
}

function PivotChart({ data, axis }: { data: PivotDto; axis: string }) {
  const { t, i18n } = useTranslation();
  const top = [...data.items]
    .sort((a, b) => b.forecastCents - a.forecastCents)
    .slice(0, 12)
    .reverse();
  if (!top.length) return null;
  const y = data.year;
  const name = (r: PivotRow) => (r.label ? `${r.key} ${r.label}`.slice(0, 40) : r.key || "–");
  const series = [
    { name: t("budget.columns.forecast", { year: y }), key: "forecastCents" as const },
    { name: t("budget.columns.priorForecast", { year: y - 1 }), key: "priorForecastCents" as const },
    { name: t("budget.columns.priorActual", { year: y - 1 }), key: "priorActualCents" as const },
  ];
  const biggest = top.at(-1);
  return (
    <EChart
      testId="pivot-chart"
      height={Math.max(220, top.length * 42 + 80)}
      label={t("budget.pivot.chartLabel", {
        axis,
        count: top.length,
        first: biggest ? name(biggest) : "",
        amount: biggest ? euro(i18n.language, biggest.forecastCents) : "",
      })}
      option={{
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        xAxis: {
          type: "value",
          axisLabel: { formatter: (v: number) => `${Math.round(v / 1e6).toLocaleString(i18n.language)} M` },
        },
        yAxis: { type: "category", data: top.map(name) },
        series: series.map((s) => ({ type: "bar", name: s.name, data: top.map((r) => r[s.key] / 100) })),
      }}
    />
  );
}

function PivotTable({ data, axis, drill }: { data: PivotDto; axis: string; drill: (r: PivotRow) => string | null }) {
  const { t, i18n } = useTranslation();
  const y = data.year;
  const isLine = data.rows === "line";
  const money = (c: number) => euro(i18n.language, c);
  return (
    <ScrollTable label={t("budget.pivot.tableLabel", { axis })}>
      <table className="table table-sm table-striped" data-testid="pivot-table">
        <caption>
          {t("budget.pivot.caption", { axis, count: data.items.length })}
          {data.truncated ? ` ${t("budget.pivot.truncated")}` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">{isLine ? t("budget.pivot.peg") : axis}</th>
            {isLine ? (
              <th scope="col">{t("budget.pivot.where")}</th>
            ) : (
              <th scope="col" className="text-end">
                {t("budget.pivot.lines")}
              </th>
            )}
            <th scope="col" className="text-end">
              {t("budget.columns.forecast", { year: y })}
            </th>
            <th scope="col" className="text-end">
              {t("budget.columns.priorForecast", { year: y - 1 })}
            </th>
            <th scope="col" className="text-end">
              {t("budget.columns.priorActual", { year: y - 1 })}
            </th>
            <th scope="col" className="text-end">
              {t("budget.columns.pctPriorForecast", { year: y - 1 })}
            </th>
            <th scope="col" className="text-end">
              {t("budget.columns.pctPriorActual", { year: y - 1 })}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((r) => {
            const href = drill(r);
            const label = `${r.key}${r.label ? ` ${r.label}` : ""}` || "–";
            return (
              <tr key={`${r.line?.section ?? ""}${r.key}`}>
                <th scope="row">
                  {href ? (
                    <Link to={href} preventScrollReset>
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </th>
                {isLine ? (
                  <td className="small">
                    {r.line?.section} · {t("budget.axes.settore")} {r.line?.settore}
                    {r.line?.pdc ? ` · ${r.line.pdc}${r.line.pdcName ? ` ${r.line.pdcName}` : ""}` : ""}
                    {r.line?.programma ? ` · ${r.line.missione}.${r.line.programma}` : ""}
                    {r.line?.vincolo ? ` · ${t("budget.pivot.restricted")}` : ""}
                    {` · ${t("budget.pivot.sourceLine", { line: r.line?.firstLine })}`}
                  </td>
                ) : (
                  <td className="text-end">{r.lines}</td>
                )}
                <td className="text-end text-nowrap">{money(r.forecastCents)}</td>
                <td className="text-end text-nowrap">{money(r.priorForecastCents)}</td>
                <td className="text-end text-nowrap">{money(r.priorActualCents)}</td>
                <td className="text-end text-nowrap">{percent(i18n.language, r.pctPriorForecast)}</td>
                <td className="text-end text-nowrap">{percent(i18n.language, r.pctPriorActual)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("budget.pivot.total")}</th>
            {isLine ? <td /> : <td className="text-end">{data.total.lines}</td>}
            <td className="text-end text-nowrap">{money(data.total.forecastCents)}</td>
            <td className="text-end text-nowrap">{money(data.total.priorForecastCents)}</td>
            <td className="text-end text-nowrap">{money(data.total.priorActualCents)}</td>
            <td className="text-end text-nowrap">{percent(i18n.language, data.total.pctPriorForecast)}</td>
            <td className="text-end text-nowrap">{percent(i18n.language, data.total.pctPriorActual)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollTable>
  );
}
