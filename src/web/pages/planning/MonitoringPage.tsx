import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { EChart } from "../../components/EChart.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { type Monitoring, type PlanDocument, pct, useMonitoring, useRecompute } from "./data.ts";
import { PlanFrame } from "./PlanFrame.tsx";
import { ProgressBar, StatusBadge } from "./StatusBadge.tsx";

/**
 * /a/:ambito/programmazione/piani/:id/monitoraggio: progress per objective and plan, status and
 * alerts. Mayors see the same figures read-only; the Ufficio di Piano can refresh computed values.
 */
export function MonitoringPage() {
  const { t } = useTranslation();
  return <PlanFrame view={t("planning.tabs.monitoring")}>{(plan) => <Dashboard plan={plan} />}</PlanFrame>;
}

function Dashboard({ plan }: { plan: PlanDocument & { id: number } }) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const m = useMonitoring(ambito.slug, plan.id);
  const recompute = useRecompute(ambito.slug, plan.id);
  if (m.isPending) return <Loading />;
  if (m.isError) return <ErrorAlert error={m.error} />;
  const data = m.data;
  return (
    <>
      <div className="row mb-3">
        <div className="col-md-4">
          <p className="mb-1">{t("planning.monitoring.progress")}</p>
          <ProgressBar value={data.progress} label={t("planning.monitoring.progress")} />
        </div>
        <div className="col-md-4">
          <p className="mb-1">{t("planning.monitoring.status")}</p>
          <StatusBadge status={data.status} />
        </div>
        <div className="col-md-4">
          <p className="mb-1">{t("planning.monitoring.asOf")}</p>
          <p>{data.asOf}</p>
        </div>
      </div>
      {canAny(ambito, ["plan:write"]) ? (
        <p>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => recompute.mutate()}
            disabled={recompute.isPending}
          >
            {t("planning.monitoring.recompute")}
          </button>
        </p>
      ) : (
        <p className="small">{t("planning.monitoring.readOnly")}</p>
      )}
      <ProgressChart data={data} />
      <h2 className="h4 mt-4">{t("planning.monitoring.objectives")}</h2>
      <ScrollTable label={t("planning.monitoring.objectives")}>
        <table className="table" data-testid="monitoring-table">
          <caption className="visually-hidden">{t("planning.monitoring.objectives")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("planning.objective.code")}</th>
              <th scope="col">{t("planning.objective.title")}</th>
              <th scope="col">{t("planning.monitoring.progress")}</th>
              <th scope="col">{t("planning.monitoring.status")}</th>
              <th scope="col">{t("planning.monitoring.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {data.objectives.map((o) => (
              <tr key={o.code}>
                <td>{o.code}</td>
                <th scope="row" className="fw-normal">
                  <Link
                    to={`/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi/${encodeURIComponent(o.code)}/`}
                  >
                    {o.title}
                  </Link>
                </th>
                <td>
                  <ProgressBar value={o.progress} label={`${t("planning.monitoring.progress")} ${o.code}`} />
                </td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
                <td>
                  {t("planning.monitoring.actionsDone", { done: o.actions.done, total: o.actions.total })}
                  {o.actions.overdue ? ` · ${t("planning.monitoring.overdue", { count: o.actions.overdue })}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2 className="h4 mt-4">{t("planning.monitoring.alerts", { count: data.alerts.length })}</h2>
      {data.alerts.length === 0 ? <p>{t("planning.monitoring.noAlerts")}</p> : null}
      <ul data-testid="alerts">
        {data.alerts.map((a) => (
          <li key={`${a.kind}-${a.code}`}>
            <strong>{t(`planning.alert.${a.kind}`)}</strong> · {a.objective} · {a.code} {a.label} ({a.detail})
          </li>
        ))}
      </ul>
    </>
  );
}

function ProgressChart({ data }: { data: Monitoring }) {
  const { t } = useTranslation();
  const rows = data.objectives.filter((o) => o.progress !== null);
  if (!rows.length) return null;
  return (
    <EChart
      height={Math.max(160, rows.length * 28 + 40)}
      testId="progress-chart"
      label={`${t("planning.monitoring.chart")}: ${rows.map((o) => `${o.code} ${pct(o.progress)}`).join(", ")}`}
      option={{
        grid: { left: 80, right: 24, top: 10, bottom: 24 },
        xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
        yAxis: { type: "category", data: rows.map((o) => o.code), inverse: true },
        tooltip: { trigger: "axis" },
        series: [
          { type: "bar", data: rows.map((o) => Math.round((o.progress ?? 0) * 100)), itemStyle: { color: "#0066cc" } },
        ],
      }}
    />
  );
}
