import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { euro } from "./data.ts";
import { pegToSegment, type TargetCostDto, type TargetKind, useTargetCost } from "./links.data.ts";
import { TargetPicker } from "./TargetPicker.tsx";

/** /a/:ambito/bilancio/costi?tipo=&id=: how much a plan objective or a service costs. */
export function CostsPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [search, setSearch] = useSearchParams();
  const kind: TargetKind = search.get("tipo") === "service" ? "service" : "plan_objective";
  const id = search.get("id") ?? "";
  const planId = search.get("piano") ?? (kind === "plan_objective" ? (id.split(":")[0] ?? "") : "");
  const cost = useTargetCost(ambito.slug, kind, id);
  return (
    <>
      <PageHeader
        title={t("budget.costs.title")}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.budget.title"), to: `/a/${ambito.slug}/bilancio` },
        ]}
        lead={t("budget.costs.lead")}
      />
      <TargetPicker
        value={{ kind, planId, id }}
        onChange={(v) => {
          const next = new URLSearchParams({ tipo: v.kind });
          if (v.planId) next.set("piano", v.planId);
          if (v.id) next.set("id", v.id);
          setSearch(next, { replace: true });
        }}
      />
      {id && cost.isPending ? <Loading /> : null}
      {cost.isError ? <ErrorAlert error={cost.error} /> : null}
      {cost.data ? <Cost data={cost.data} /> : null}
    </>
  );
}

function Cost({ data }: { data: TargetCostDto }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const money = (c: number) => euro(i18n.language, c);
  return (
    <section aria-labelledby="cost-title" data-testid="target-cost">
      <h2 id="cost-title" className="h4">
        {data.targetLabel}
      </h2>
      <dl className="row">
        <dt className="col-sm-5">{t("budget.costs.funds")}</dt>
        <dd className="col-sm-7">{money(data.fundsCents)}</dd>
        <dt className="col-sm-5">{t("budget.costs.lines")}</dt>
        <dd className="col-sm-7" data-testid="cost-lines-total">
          {money(data.linesForecastCents)}
        </dd>
      </dl>
      <h3 className="h5">{t("budget.costs.fundsTitle")}</h3>
      {data.funds.length ? (
        <ScrollTable label={t("budget.costs.fundsTitle")}>
          <table className="table table-sm table-striped">
            <caption>{t("budget.costs.fundsCaption", { count: data.funds.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.costs.fund")}</th>
                <th scope="col">{t("budget.documents.year")}</th>
                <th scope="col" className="text-end">
                  {t("budget.funds.share")}
                </th>
                <th scope="col" className="text-end">
                  {t("budget.funds.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.funds.map((f) => (
                <tr key={f.assignmentId}>
                  <th scope="row">
                    <Link to={`/a/${ambito.slug}/bilancio/fondi/${f.assignmentId}`}>{f.fundCode}</Link>
                  </th>
                  <td>{f.year}</td>
                  <td className="text-end">{(f.shareBp / 100).toFixed(2)} %</td>
                  <td className="text-end text-nowrap">{money(f.cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t("budget.costs.noFunds")}</p>
      )}
      <h3 className="h5">{t("budget.costs.linesTitle")}</h3>
      {data.lines.length ? (
        <ScrollTable label={t("budget.costs.linesTitle")}>
          <table className="table table-sm table-striped" data-testid="cost-lines">
            <caption>{t("budget.costs.linesCaption", { count: data.lines.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.costs.line")}</th>
                <th scope="col" className="text-end">
                  {t("budget.funds.share")}
                </th>
                <th scope="col" className="text-end">
                  {t("budget.links.forecastShare")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((l) => {
                const [doc, peg] = l.lineId.split(":");
                return (
                  <tr key={l.lineId}>
                    <th scope="row">
                      <Link to={`/a/${ambito.slug}/bilancio/documenti/${doc}/righe/${pegToSegment(peg ?? "")}`}>
                        {l.lineLabel}
                      </Link>
                    </th>
                    <td className="text-end">{(l.shareBp / 100).toFixed(2)} %</td>
                    <td className="text-end text-nowrap">{money(l.forecastCents)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t("budget.costs.noLines")}</p>
      )}
    </section>
  );
}
