import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart.tsx";
import { BASE_OPTION, COLORS, DataDetails } from "./charts.tsx";
import { AMBITO, axisFormat, formatIndicator, type ProfileIndex } from "./data.ts";

interface RankingProps {
  index: ProfileIndex;
  indicator: string;
  year: number;
  label: string;
  idPrefix?: string;
}

/** The Comuni ranked by the indicator in a year (highest first), with the Ambito as a reference line. */
export function RankingChart({ index, indicator, year, label, idPrefix = "ranking" }: RankingProps) {
  const { t, i18n } = useTranslation();
  const info = index.info(indicator);
  const fmt = (v: number) => formatIndicator(i18n.language, info, v);
  const ranked = index
    .comuni()
    .map((c) => ({ name: c.name, value: index.get(c.istatCode, indicator, year)?.value }))
    .filter((r): r is { name: string; value: number } => r.value !== undefined)
    .sort((a, b) => b.value - a.value);
  const ambito = index.get(AMBITO, indicator, year)?.value;
  const ambitoLabel = t("observatory.ambito");

  if (ranked.length === 0) return <p>{t("observatory.noComuneData", { year })}</p>;

  const first = ranked[0];
  const last = ranked.at(-1);
  const aria = [
    t("observatory.ranking.aria", { indicator: label, year, count: ranked.length }),
    first && last
      ? t("observatory.ranking.ariaRange", {
          highest: first.name,
          highestValue: fmt(first.value),
          lowest: last.name,
          lowestValue: fmt(last.value),
        })
      : "",
    ambito !== undefined ? t("observatory.ranking.ariaAmbito", { value: fmt(ambito) }) : "",
  ]
    .filter(Boolean)
    .join(" ");

  const option = {
    ...BASE_OPTION,
    tooltip: { ...BASE_OPTION.tooltip, trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: fmt },
    grid: { left: 8, right: 64, top: ambito !== undefined ? 36 : 12, bottom: 24, containLabel: true },
    xAxis: {
      type: "value",
      splitLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: { formatter: axisFormat(i18n.language) },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: ranked.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: { fontSize: 13 },
    },
    series: [
      {
        name: label,
        type: "bar",
        data: ranked.map((r) => r.value),
        barMaxWidth: 22,
        itemStyle: { color: COLORS.primary },
        label: { show: true, position: "right", formatter: (p: { value: number }) => fmt(p.value) },
        markLine:
          ambito === undefined
            ? undefined
            : {
                symbol: "none",
                silent: true,
                lineStyle: { color: COLORS.reference, type: "dashed", width: 2 },
                label: {
                  formatter: `${ambitoLabel}: ${fmt(ambito)}`,
                  position: "start",
                  color: COLORS.reference,
                  fontWeight: 700,
                },
                data: [{ xAxis: ambito }],
              },
      },
    ],
  };

  return (
    <>
      <EChart
        option={option}
        label={aria}
        height={Math.max(200, ranked.length * 30 + 72)}
        testId={`${idPrefix}-chart`}
      />
      <DataDetails>
        <table className="table table-sm">
          <caption>{t("observatory.ranking.caption", { indicator: label, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("observatory.ranking.rank")}</th>
              <th scope="col">{t("observatory.comune")}</th>
              <th scope="col" className="text-end">
                {label}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((r, i) => (
              <tr key={r.name}>
                <td>{i + 1}</td>
                <th scope="row">{r.name}</th>
                <td className="text-end">{fmt(r.value)}</td>
              </tr>
            ))}
            {ambito !== undefined ? (
              <tr>
                <td />
                <th scope="row">{t("observatory.ambitoRow")}</th>
                <td className="text-end">{fmt(ambito)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </DataDetails>
    </>
  );
}
