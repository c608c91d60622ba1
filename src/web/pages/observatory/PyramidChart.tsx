import { useTranslation } from "react-i18next";
import { EChart } from "../../components/EChart.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ageLabel, BASE_OPTION, COLORS, DataDetails } from "./charts.tsx";
import { type AgeClassDto, numberFormat, useAgeStructure } from "./data.ts";

interface PyramidProps {
  slug: string;
  territory: string;
  territoryName: string;
  year: number | undefined;
  idPrefix?: string;
}

/** Residents by age class: males left, females right when known, otherwise one bar per class. */
export function PyramidChart({ slug, territory, territoryName, year, idPrefix = "pyramid" }: PyramidProps) {
  const { t } = useTranslation();
  const query = useAgeStructure(slug, territory, year);
  if (query.isPending && year !== undefined) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const classes = query.data?.classes ?? [];
  if (year === undefined || classes.length === 0) {
    return <p data-testid={`${idPrefix}-empty`}>{t("observatory.pyramid.none", { territory: territoryName, year })}</p>;
  }
  return <Pyramid classes={classes} territoryName={territoryName} year={year} idPrefix={idPrefix} />;
}

function Pyramid({
  classes,
  territoryName,
  year,
  idPrefix,
}: {
  classes: AgeClassDto[];
  territoryName: string;
  year: number;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const int = numberFormat(i18n.language, 0);
  const bySex = classes.every((c) => c.males !== null && c.females !== null);
  const labels = classes.map((c) => ageLabel(c.ageFrom, c.ageTo));
  const total = classes.reduce((a, c) => a + c.total, 0);
  const unequal = new Set(classes.filter((c) => c.ageTo !== null).map((c) => (c.ageTo ?? 0) - c.ageFrom)).size > 1;
  const abs = (v: number) => int.format(Math.abs(v));
  const bar = (name: string, data: number[], color: string, position: string) => ({
    name,
    type: "bar",
    stack: "pyramid",
    data,
    barCategoryGap: "12%",
    itemStyle: { color },
    label: { show: true, position, formatter: (p: { value: number }) => abs(p.value), fontSize: 12 },
  });
  const option = {
    ...BASE_OPTION,
    tooltip: { ...BASE_OPTION.tooltip, trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: abs },
    legend: bySex ? { top: 0 } : undefined,
    grid: { left: 8, right: 56, top: bySex ? 36 : 12, bottom: 24, containLabel: true },
    xAxis: { type: "value", axisLabel: { formatter: abs }, splitLine: { lineStyle: { color: COLORS.grid } } },
    yAxis: { type: "category", data: labels, axisTick: { show: false }, name: t("observatory.pyramid.age") },
    series: bySex
      ? [
          bar(
            t("observatory.pyramid.males"),
            classes.map((c) => -(c.males ?? 0)),
            COLORS.primary,
            "left",
          ),
          bar(
            t("observatory.pyramid.females"),
            classes.map((c) => c.females ?? 0),
            COLORS.secondary,
            "right",
          ),
        ]
      : [
          bar(
            t("observatory.pyramid.residents"),
            classes.map((c) => c.total),
            COLORS.primary,
            "right",
          ),
        ],
  };
  const aria = [
    t(bySex ? "observatory.pyramid.ariaBySex" : "observatory.pyramid.ariaTotal", {
      territory: territoryName,
      year,
      count: classes.length,
      total: int.format(total),
    }),
    bySex ? "" : t("observatory.pyramid.noSexSentence"),
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <>
      {bySex ? null : (
        <p className="mb-1">
          <span className="badge badge-published">{t("observatory.pyramid.noSex")}</span>
        </p>
      )}
      <EChart
        option={option}
        label={aria}
        height={Math.max(220, classes.length * 28 + 72)}
        testId={`${idPrefix}-chart`}
      />
      {unequal ? <p className="small text-muted-strong mb-0">{t("observatory.pyramid.unequal")}</p> : null}
      <DataDetails>
        <table className="table table-sm" data-testid={`${idPrefix}-data`}>
          <caption>{t("observatory.pyramid.caption", { territory: territoryName, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("observatory.pyramid.age")}</th>
              {bySex ? (
                <>
                  <th scope="col" className="text-end">
                    {t("observatory.pyramid.males")}
                  </th>
                  <th scope="col" className="text-end">
                    {t("observatory.pyramid.females")}
                  </th>
                </>
              ) : null}
              <th scope="col" className="text-end">
                {t("observatory.pyramid.residents")}
              </th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c, i) => (
              <tr key={c.ageFrom}>
                <th scope="row">{labels[i]}</th>
                {bySex ? (
                  <>
                    <td className="text-end">{int.format(c.males ?? 0)}</td>
                    <td className="text-end">{int.format(c.females ?? 0)}</td>
                  </>
                ) : null}
                <td className="text-end">{int.format(c.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DataDetails>
    </>
  );
}
