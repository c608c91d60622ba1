import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart.tsx";
import { type Indicator, type PlanDocument, years } from "./data.ts";

/** Targets per year (line) against measured values (bars) of one indicator. */
export function IndicatorChart({
  indicator,
  plan,
  live,
}: {
  indicator: Indicator;
  plan: PlanDocument;
  live: number | null;
}) {
  const { t } = useTranslation();
  const ys = years(plan);
  const measured = ys.map(
    (y) => plan.measurements.find((m) => m.indicator === indicator.code && m.year === y)?.value ?? null,
  );
  const last = measured.findLastIndex((v) => v !== null);
  if (live !== null && last < 0)
    measured[Math.min(ys.length - 1, Math.max(0, new Date().getFullYear() - plan.periodStart))] = live;
  const targets = ys.map((y) => indicator.targets.find((x) => x.year === y)?.value ?? null);
  const describe = ys
    .map(
      (y, k) =>
        `${y}: ${t("planning.chart.target")} ${targets[k] ?? "—"}, ${t("planning.chart.measured")} ${measured[k] ?? "—"}`,
    )
    .join("; ");
  return (
    <figure className="mt-3">
      <figcaption className="h6">
        {indicator.code} · {indicator.label}
      </figcaption>
      <EChart
        height={220}
        label={`${indicator.label}. ${describe}`}
        testId={`chart-${indicator.code}`}
        option={{
          grid: { left: 48, right: 16, top: 30, bottom: 30 },
          legend: { data: [t("planning.chart.target"), t("planning.chart.measured")] },
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: ys.map(String) },
          yAxis: { type: "value" },
          series: [
            { name: t("planning.chart.measured"), type: "bar", data: measured, itemStyle: { color: "#0066cc" } },
            {
              name: t("planning.chart.target"),
              type: "line",
              data: targets,
              connectNulls: true,
              itemStyle: { color: "#cc334d" },
            },
          ],
        }}
      />
    </figure>
  );
}
