import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { EChart } from "../../components/EChart.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { SelectField } from "../../components/SelectField.tsx";
import { euro, type FundAssignment, type FundsOverviewDto, useFunds } from "./data.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/** /a/:ambito/bilancio/fondi: assignments per fund and year, balance, alerts. */
export function FundsPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const [search, setSearch] = useSearchParams();
  const year = search.get("anno") ?? "";
  const funds = useFunds(ambito.slug, year);
  const all = useFunds(ambito.slug, "");
  const years = [...new Set((all.data?.assignments ?? []).map((a) => a.year))].sort();
  return (
    <>
      <PageHeader
        title={t("budget.funds.title")}
        documentTitle={`${t("budget.funds.title")} · ${t("sections.budget.title")}`}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("sections.budget.title"), to: `/a/${ambito.slug}/bilancio` },
        ]}
        lead={t("budget.funds.lead")}
      />
      <div className="row">
        <div className="col-12 col-md-4">
          <SelectField
            id="funds-year"
            label={t("budget.funds.year")}
            value={year}
            onChange={(v) => setSearch(v ? { anno: v } : {})}
          >
            <option value="">{t("budget.funds.allYears")}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {funds.isPending ? <Loading /> : null}
      {funds.isError ? <ErrorAlert error={funds.error} /> : null}
      {funds.data ? <Funds data={funds.data} /> : null}
    </>
  );
}

function Funds({ data }: { data: FundsOverviewDto }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const money = (c: number) => euro(i18n.language, c);
  if (!data.assignments.length) return <p>{t("budget.funds.none")}</p>;
  const byFund = new Map<string, { amount: number; committed: number; paid: number }>();
  for (const a of data.assignments) {
    const f = byFund.get(a.fundCode) ?? { amount: 0, committed: 0, paid: 0 };
    f.amount += a.amountCents;
    f.committed += a.committedCents;
    f.paid += a.paidCents;
    byFund.set(a.fundCode, f);
  }
  const funds = [...byFund.entries()].sort((a, b) => a[1].amount - b[1].amount);
  const total = data.years.reduce((s, y) => s + y.amountCents, 0);
  return (
    <>
      <section aria-labelledby="alerts-title" className="mb-4">
        <h2 id="alerts-title" className="h4">
          {t("budget.funds.alerts")}
        </h2>
        <p className="small">
          {t("budget.funds.rule")}: {data.rule}{" "}
          {t("budget.funds.asOf", { date: new Date(data.asOf).toLocaleDateString(i18n.language) })}
        </p>
        {data.alerts.length ? (
          <ul className="list-unstyled" data-testid="fund-alerts">
            {data.alerts.map((a) => (
              <li key={a.id} className="alert alert-warning py-2">
                <StatusBadge status={a.status} />{" "}
                <Link to={`/a/${ambito.slug}/bilancio/fondi/${a.id}`}>
                  {a.fundCode} {a.year} {a.label}
                </Link>
                :{" "}
                {t("budget.funds.alertText", {
                  unpaid: money(a.unpaidCents),
                  committed: (a.committedBp / 100).toFixed(0),
                  elapsed: ((a.elapsedBp ?? 0) / 100).toFixed(0),
                  deadline: a.spendBy ?? "",
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("budget.funds.noAlerts")}</p>
        )}
      </section>
      <h2 className="h4">{t("budget.funds.byYear")}</h2>
      <ScrollTable label={t("budget.funds.byYear")}>
        <table className="table table-sm">
          <caption>{t("budget.funds.byYearCaption", { total: money(total) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.funds.year")}</th>
              <th scope="col" className="text-end">
                {t("budget.funds.assignments")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.funds.amount")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.funds.committed")}
              </th>
              <th scope="col" className="text-end">
                {t("budget.funds.paid")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="text-end">{y.assignments}</td>
                <td className="text-end text-nowrap">{money(y.amountCents)}</td>
                <td className="text-end text-nowrap">{money(y.committedCents)}</td>
                <td className="text-end text-nowrap">{money(y.paidCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <EChart
        testId="funds-chart"
        height={Math.max(240, funds.length * 30 + 80)}
        label={t("budget.funds.chartLabel", { count: funds.length, total: money(total) })}
        option={{
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
          xAxis: { type: "value" },
          yAxis: { type: "category", data: funds.map(([code]) => code) },
          series: [
            { type: "bar", name: t("budget.funds.amount"), data: funds.map(([, f]) => f.amount / 100) },
            { type: "bar", name: t("budget.funds.committed"), data: funds.map(([, f]) => f.committed / 100) },
            { type: "bar", name: t("budget.funds.paid"), data: funds.map(([, f]) => f.paid / 100) },
          ],
        }}
      />
      <h2 className="h4 mt-4">{t("budget.funds.assignmentsTitle")}</h2>
      <AssignmentsTable items={data.assignments} slug={ambito.slug} />
    </>
  );
}

function AssignmentsTable({ items, slug }: { items: FundAssignment[]; slug: string }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => euro(i18n.language, c);
  return (
    <ScrollTable label={t("budget.funds.assignmentsTitle")}>
      <table className="table table-sm table-striped" data-testid="funds-table">
        <caption>{t("budget.funds.assignmentsCaption", { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("budget.funds.fund")}</th>
            <th scope="col">{t("budget.funds.year")}</th>
            <th scope="col" className="text-end">
              {t("budget.funds.amount")}
            </th>
            <th scope="col" className="text-end">
              {t("budget.funds.committed")}
            </th>
            <th scope="col" className="text-end">
              {t("budget.funds.paid")}
            </th>
            <th scope="col" className="text-end">
              {t("budget.funds.uncommitted")}
            </th>
            <th scope="col">{t("budget.funds.deadline")}</th>
            <th scope="col">{t("budget.funds.status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/a/${slug}/bilancio/fondi/${a.id}`}>
                  {a.fundName}
                  {a.label ? ` – ${a.label}` : ""}
                </Link>
                <div className="small text-muted-strong">{a.fundCode}</div>
              </th>
              <td>{a.year}</td>
              <td className="text-end text-nowrap">{money(a.amountCents)}</td>
              <td className="text-end text-nowrap">{money(a.committedCents)}</td>
              <td className="text-end text-nowrap">{money(a.paidCents)}</td>
              <td className="text-end text-nowrap">{money(a.uncommittedCents)}</td>
              <td>{a.spendBy ? new Date(a.spendBy).toLocaleDateString(i18n.language) : "–"}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
