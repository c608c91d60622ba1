import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { EChart } from "../../components/EChart.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { type PlanDocument, useEvaluation } from "./data.ts";
import { PlanFrame } from "./PlanFrame.tsx";

/** /a/:ambito/programmazione/piani/:id/valutazione: the DGR XII/2167 sheets, stored or prefilled. */
export function EvaluationPage() {
  const { t } = useTranslation();
  return <PlanFrame view={t("planning.tabs.evaluation")}>{(plan) => <Sheets plan={plan} />}</PlanFrame>;
}

function Sheets({ plan }: { plan: PlanDocument & { id: number } }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const ev = useEvaluation(ambito.slug, plan.id);
  if (ev.isPending) return <Loading />;
  if (ev.isError) return <ErrorAlert error={ev.error} />;
  const sheets = ev.data;
  const yn = (b: boolean | null) => (b === true ? t("planning.yes") : b === false ? t("planning.no") : "—");
  return (
    <>
      <p>{t("planning.evaluation.lead")}</p>
      <EChart
        height={Math.max(180, sheets.length * 28 + 40)}
        testId="achievement-chart"
        label={`${t("planning.evaluation.achievement")}: ${sheets.map((s) => `${s.objective} ${s.achievementPct ?? "—"}%`).join(", ")}`}
        option={{
          grid: { left: 60, right: 24, top: 10, bottom: 24 },
          xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
          yAxis: { type: "category", data: sheets.map((s) => s.objective), inverse: true },
          tooltip: { trigger: "axis" },
          series: [{ type: "bar", data: sheets.map((s) => s.achievementPct), itemStyle: { color: "#0066cc" } }],
        }}
      />
      <ScrollTable label={t("planning.evaluation.title")}>
        <table className="table" data-testid="evaluation-table">
          <caption>{t("planning.evaluation.caption", { count: sheets.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planning.objective.code")}</th>
              <th scope="col">{t("planning.objective.title")}</th>
              <th scope="col" className="text-end">
                {t("planning.evaluation.achievement")}
              </th>
              <th scope="col">{t("planning.evaluation.staffAdequacy")}</th>
              <th scope="col">{t("planning.evaluation.budget")}</th>
              <th scope="col">{t("planning.evaluation.continuity")}</th>
              <th scope="col">{t("planning.evaluation.reproposed")}</th>
              <th scope="col">{t("planning.evaluation.source")}</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((s) => (
              <tr key={s.objective}>
                <td>{s.objective}</td>
                <th scope="row" className="fw-normal">
                  {s.title}
                  {s.staff ? <div className="small">{s.staff}</div> : null}
                </th>
                <td className="text-end">{s.achievementPct == null ? "—" : `${s.achievementPct}%`}</td>
                <td>{s.staffAdequacy ? t(`planning.adequacy.${s.staffAdequacy}`) : "—"}</td>
                <td>{s.budgetCoincidence ?? "—"}</td>
                <td>{s.continuity ?? "—"}</td>
                <td>
                  {yn(s.reproposed)}
                  {s.reproposedReasons ? <div className="small">{s.reproposedReasons}</div> : null}
                </td>
                <td>{s.stored ? t("planning.evaluation.stored") : t("planning.evaluation.prefilled")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
