import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { BASE_OPTION, COLORS, DataDetails } from "./charts.tsx";
import { AMBITO, axisFormat, formatIndicator, type ProfileIndex } from "./data.ts";

interface TimeSeriesProps {
  index: ProfileIndex;
  indicator: string;
  label: string;
  /** The Comune compared with the Ambito; "" for the Ambito alone. */
  comune: string;
  onComune?: (istat: string) => void;
  idPrefix?: string;
}

/** The indicator over the years, for the Ambito and a Comune. */
export function TimeSeriesChart({ index, indicator, label, comune, onComune, idPrefix = "ts" }: TimeSeriesProps) {
  const { t, i18n } = useTranslation();
  const info = index.info(indicator);
  const years = index.yearsOf(indicator);
  const fmt = (v: number | undefined) =>
    v === undefined ? t("observatory.notAvailable") : formatIndicator(i18n.language, info, v);
  const ambitoLabel = t("observatory.ambito");
  const comuneName = comune ? index.name(comune) : "";
  const ambito = years.map((y) => index.get(AMBITO, indicator, y)?.value);
  const other = years.map((y) => (comune ? index.get(comune, indicator, y)?.value : undefined));

  const line = (name: string, data: (number | undefined)[], color: string, dashed: boolean) => ({
    name,
    type: "line",
    data: data.map((v) => v ?? null),
    connectNulls: false,
    symbol: dashed ? "diamond" : "circle",
    symbolSize: 9,
    lineStyle: { width: 3, color, type: dashed ? "dashed" : "solid" },
    itemStyle: { color },
    label: { show: true, position: "top", formatter: (p: { value: number }) => fmt(p.value) },
  });
  const option = {
    ...BASE_OPTION,
    tooltip: { ...BASE_OPTION.tooltip, trigger: "axis", valueFormatter: (v: number) => fmt(v) },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 32 },
    xAxis: { type: "category", data: years.map(String), axisLine: { lineStyle: { color: "#5c6f82" } } },
    yAxis: {
      type: "value",
      scale: true,
      splitLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: { formatter: axisFormat(i18n.language) },
    },
    series: [
      line(ambitoLabel, ambito, COLORS.primary, false),
      ...(comune ? [line(comuneName, other, COLORS.secondary, true)] : []),
    ],
  };

  const aria = t("observatory.timeSeries.aria", {
    indicator: label,
    from: years[0] ?? "",
    to: years.at(-1) ?? "",
    territories: comune ? `${ambitoLabel}, ${comuneName}` : ambitoLabel,
  });

  return (
    <>
      {onComune ? (
        <div className="row">
          <div className="col-12 col-md-8">
            <SelectField
              id={`${idPrefix}-comune`}
              label={t("observatory.timeSeries.comune")}
              value={comune}
              onChange={onComune}
            >
              <option value="">{t("observatory.timeSeries.noComune")}</option>
              {index.comuni().map((c) => (
                <option key={c.istatCode} value={c.istatCode}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
      ) : null}
      <EChart option={option} label={aria} height={320} testId={`${idPrefix}-chart`} />
      <DataDetails>
        <table className="table table-sm">
          <caption>{aria}</caption>
          <thead>
            <tr>
              <th scope="col">{t("observatory.year")}</th>
              <th scope="col" className="text-end">
                {ambitoLabel}
              </th>
              {comune ? (
                <th scope="col" className="text-end">
                  {comuneName}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {years.map((y, i) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td className="text-end">{fmt(ambito[i])}</td>
                {comune ? <td className="text-end">{fmt(other[i])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </DataDetails>
    </>
  );
}
