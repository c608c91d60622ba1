import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { euro } from "./data.ts";
import type { ImportReportDto } from "./imports.data.ts";

const COLUMNS = ["forecast", "priorForecast", "priorActual"] as const;

/** What the importer found: lines and totals per section, checks, and every problem with its line. */
export function ImportSummary({ report }: { report: ImportReportDto }) {
  const { t, i18n } = useTranslation();
  const year = report.meta?.year ?? 0;
  const sections = Object.entries(report.sections);
  return (
    <section aria-labelledby="import-summary-title" className="mt-4" data-testid="import-summary">
      <h2 id="import-summary-title" className="h4">
        {t("budget.import.summaryTitle")}
      </h2>
      {report.meta ? (
        <p>
          {report.meta.title} · {report.file}
        </p>
      ) : null}
      {sections.length ? (
        <ScrollTable label={t("budget.import.sectionsCaption")}>
          <table className="table table-sm table-striped" data-testid="import-sections">
            <caption>{t("budget.import.sectionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.import.section")}</th>
                <th scope="col" className="text-end">
                  {t("budget.documents.lines")}
                </th>
                {COLUMNS.map((c) => (
                  <th scope="col" className="text-end" key={c}>
                    {t(`budget.columns.${c}`, { year: c === "forecast" ? year : year - 1 })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sections.map(([s, v]) => (
                <tr key={s}>
                  <th scope="row">{t(`budget.sections.${s.replace(".", "")}`, { defaultValue: s })}</th>
                  <td className="text-end">{v.lines}</td>
                  {COLUMNS.map((c) => (
                    <td className="text-end text-nowrap" key={c}>
                      {v.totalsCents[c] === undefined ? "–" : euro(i18n.language, v.totalsCents[c] as number)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <p data-testid="import-checks">
        {t("budget.import.checksSummary", { passed: report.checks.passed, failed: report.checks.failed.length })}
      </p>
      {report.checks.failed.length ? (
        <ScrollTable label={t("budget.import.failedCaption")}>
          <table className="table table-sm" data-testid="import-failed-checks">
            <caption>{t("budget.import.failedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("budget.import.line")}</th>
                <th scope="col">{t("budget.import.check")}</th>
                <th scope="col">{t("budget.import.expected")}</th>
                <th scope="col">{t("budget.import.found")}</th>
              </tr>
            </thead>
            <tbody>
              {report.checks.failed.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer, never reordered
                <tr key={i}>
                  <th scope="row">{c.line ?? "–"}</th>
                  <td>{c.name}</td>
                  <td>{c.expected}</td>
                  <td>{c.found}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {report.problems.length ? <Problems report={report} /> : null}
    </section>
  );
}

function Problems({ report }: { report: ImportReportDto }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="h5">{t("budget.import.problemsTitle", { count: report.problemCount })}</h3>
      <ScrollTable label={t("budget.import.problemsCaption")}>
        <table className="table table-sm" data-testid="import-problems">
          <caption>
            {t("budget.import.problemsCaption")}
            {report.problemCount > report.problems.length
              ? ` ${t("budget.import.problemsMore", { shown: report.problems.length })}`
              : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("budget.import.line")}</th>
              <th scope="col">{t("budget.import.field")}</th>
              <th scope="col">{t("budget.import.expected")}</th>
              <th scope="col">{t("budget.import.found")}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer, never reordered
              <tr key={i}>
                <th scope="row">{p.line ?? t("budget.import.wholeFile")}</th>
                <td>{p.field ? t(`budget.import.fields.${p.field}`, { defaultValue: p.field }) : "–"}</td>
                <td>{p.expected}</td>
                <td>
                  <code>{p.found}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
