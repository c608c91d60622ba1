import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { euro, type Indicator, type Objective, type PlanDocument, useMonitoring, years } from "./data.ts";
import { IndicatorChart } from "./IndicatorChart.tsx";
import { MeasurementForm } from "./MeasurementForm.tsx";
import { PlanFrame } from "./PlanFrame.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

/**
 * /a/:ambito/programmazione/piani/:id/obiettivi/:code/ — the regional objective sheet with its
 * indicators. Links end with a slash: codes like 7.1.1 would otherwise look like a file name to
 * the server's SPA fallback.
 */
export function ObjectivePage() {
  const { t } = useTranslation();
  const code = decodeURIComponent(useParams().code ?? "");
  return (
    <PlanFrame view={t("planning.objective.sheet", { code })}>
      {(plan) => {
        const o = plan.objectives.find((x) => x.code === code);
        return o ? <Sheet plan={plan} o={o} /> : <p>{t("errors.notFound")}</p>;
      }}
    </PlanFrame>
  );
}

function yesNo(t: (k: string) => string, b: boolean | null | undefined) {
  return b === true ? t("planning.yes") : b === false ? t("planning.no") : "—";
}

function Sheet({ plan, o }: { plan: PlanDocument & { id: number }; o: Objective }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const monitoring = useMonitoring(ambito.slug, plan.id);
  const canWrite = canAny(ambito, ["plan:write"]);
  const indicators = plan.indicators.filter((i) => i.objective === o.code);
  const actions = plan.actions.filter((a) => a.objective === o.code);
  const live = new Map(
    (monitoring.data?.objectives.find((x) => x.code === o.code)?.indicators ?? []).map((i) => [i.code, i]),
  );
  const ys = years(plan);
  const fields: [string, string][] = [
    [t("planning.objective.macroArea"), plan.macroAreas.find((m) => m.code === o.macroArea)?.title ?? o.macroArea],
    [
      t("planning.objective.kind"),
      `${t(`planning.level.${o.level}`)}${o.kind ? ` · ${t(`planning.kind.${o.kind}`)}` : ""}`,
    ],
    [t("planning.objective.need"), o.need ?? "—"],
    [t("planning.objective.targetGroup"), o.targetGroup ?? "—"],
    [t("planning.objective.budget"), euro(o.budgetCents, i18n.language)],
    [t("planning.objective.funding"), o.fundingSource ?? "—"],
    [t("planning.objective.staff"), o.staff ?? "—"],
    [t("planning.objective.timeline"), o.timeline ?? "—"],
    [t("planning.objective.leps"), o.leps.join(", ") || "—"],
    [t("planning.objective.asstAnalysis"), yesNo(t, o.asstInAnalysis)],
    [t("planning.objective.asstDelivery"), yesNo(t, o.asstInDelivery)],
    [t("planning.objective.continuity"), yesNo(t, o.continuity)],
    [t("planning.objective.coProgrammed"), yesNo(t, o.coProgrammed)],
    [t("planning.objective.coDesigned"), yesNo(t, o.coDesigned)],
    [t("planning.objective.innovative"), yesNo(t, o.innovative)],
    [t("planning.objective.digital"), o.digital ?? "—"],
  ];
  const withTargets = indicators.filter((i) => i.targets.length && i.unit !== "text");
  const here = `/a/${ambito.slug}/programmazione/piani/${plan.id}/obiettivi/${encodeURIComponent(o.code)}`;
  return (
    <>
      <h2 className="h3">
        {o.code} · {o.title}
      </h2>
      {canWrite ? (
        <p className="d-flex flex-wrap gap-2">
          <Link className="btn btn-primary btn-sm" to={`${here}/modifica`}>
            {t("planning.edit.editObjective")}
          </Link>
          <Link className="btn btn-outline-primary btn-sm" to={`${here}/indicatori/nuovo`}>
            {t("planning.edit.newIndicator")}
          </Link>
          <Link className="btn btn-outline-primary btn-sm" to={`${here}/azioni/nuova`}>
            {t("planning.edit.newAction")}
          </Link>
        </p>
      ) : null}
      <dl className="row">
        {fields.map(([k, v]) => (
          <div key={k} className="col-12 row">
            <dt className="col-sm-4">{k}</dt>
            <dd className="col-sm-8">{v}</dd>
          </div>
        ))}
      </dl>
      {actions.length ? (
        <>
          <h3 className="h4 mt-4">{t("planning.objective.actions")}</h3>
          <ScrollTable label={t("planning.objective.actions")}>
            <table className="table">
              <caption className="visually-hidden">{t("planning.objective.actions")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("planning.objective.code")}</th>
                  <th scope="col">{t("planning.action.title")}</th>
                  <th scope="col">{t("planning.action.owner")}</th>
                  <th scope="col">{t("planning.action.start")}</th>
                  <th scope="col">{t("planning.action.end")}</th>
                  <th scope="col">{t("planning.action.status")}</th>
                  {canWrite ? <th scope="col">{t("planning.edit.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.code}>
                    <td>{a.code}</td>
                    <td>{a.title}</td>
                    <td>{a.owner ?? "—"}</td>
                    <td>{a.start ?? "—"}</td>
                    <td>{a.end ?? "—"}</td>
                    <td>{t(`planning.actionStatus.${a.status}`)}</td>
                    {canWrite ? (
                      <td>
                        <Link to={`${here}/azioni/${encodeURIComponent(a.code)}/modifica`}>
                          {t("planning.edit.editItem", { code: a.code })}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : null}
      <h3 className="h4 mt-4">{t("planning.objective.indicators")}</h3>
      {indicators.length === 0 ? <p>{t("planning.objective.noIndicators")}</p> : null}
      {indicators.length ? (
        <ScrollTable label={t("planning.objective.indicators")}>
          <table className="table" data-testid="indicator-table">
            <caption className="visually-hidden">{t("planning.objective.indicators")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("planning.indicator.code")}</th>
                <th scope="col">{t("planning.indicator.type")}</th>
                <th scope="col">{t("planning.indicator.label")}</th>
                <th scope="col">{t("planning.indicator.unit")}</th>
                {ys.map((y) => (
                  <th scope="col" key={y} className="text-end">
                    {t("planning.indicator.target", { year: y })}
                  </th>
                ))}
                <th scope="col" className="text-end">
                  {t("planning.indicator.value")}
                </th>
                <th scope="col">{t("planning.indicator.status")}</th>
                {canWrite ? <th scope="col">{t("planning.edit.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <IndicatorRow
                  key={i.code}
                  i={i}
                  ys={ys}
                  live={live.get(i.code)}
                  edit={canWrite ? `${here}/indicatori/${encodeURIComponent(i.code)}/modifica` : undefined}
                />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {withTargets.map((i) => (
        <IndicatorChart key={i.code} indicator={i} plan={plan} live={live.get(i.code)?.value ?? null} />
      ))}
      {canWrite && indicators.some((i) => i.source === "manual" && i.unit !== "text") ? (
        <MeasurementForm
          plan={plan}
          indicators={indicators.filter((i) => i.source === "manual" && i.unit !== "text")}
        />
      ) : null}
    </>
  );
}

function IndicatorRow({
  i,
  ys,
  live,
  edit,
}: {
  i: Indicator;
  ys: number[];
  edit: string | undefined;
  live: { value: number | null; year: number | null; status: import("./data.ts").Status } | undefined;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <td>{i.code}</td>
      <td>{t(`planning.indicatorType.${i.type}`)}</td>
      <td>
        {i.label}
        {i.source === "computed" ? (
          <div className="small">{t("planning.indicator.computed", { key: i.queryKey })}</div>
        ) : null}
      </td>
      <td>{t(`planning.unit.${i.unit}`)}</td>
      {ys.map((y) => (
        <td key={y} className="text-end">
          {i.targets.find((x) => x.year === y)?.value ?? ""}
        </td>
      ))}
      <td className="text-end">{live?.value == null ? "—" : `${live.value} (${live.year})`}</td>
      <td>{live ? <StatusBadge status={live.status} /> : null}</td>
      {edit ? (
        <td>
          <Link to={edit}>{t("planning.edit.editItem", { code: i.code })}</Link>
        </td>
      ) : null}
    </tr>
  );
}
