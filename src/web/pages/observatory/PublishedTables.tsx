import { useTranslation } from "react-i18next";
import type { DiscrepancyDto } from "../../../shared/contracts/observatory.ts";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { indicatorLabel, type PublishedTableDto } from "./data.ts";
import { figureFormat } from "./FindingsTable.tsx";

/** The anchor of a published table on the page. */
export const tableAnchor = (table: PublishedTableDto) => `pub-table-${table.id}`;

type Column = PublishedTableDto["columns"][number];

/** A short description of what a column measures: "n.", "%", the indicator's name, "media". */
function useMeasureLabel() {
  const { t } = useTranslation();
  return (column: Column) => {
    const m = column.measure;
    if (m.kind === "indicator" && m.code) return indicatorLabel(t, m.code);
    return t(`observatory.tables.measures.${m.kind}`, { defaultValue: m.kind });
  };
}

/** The published tables as entered, with the cells the checker disagrees with highlighted. */
export function PublishedTables({ tables, findings }: { tables: PublishedTableDto[]; findings: DiscrepancyDto[] }) {
  const { t } = useTranslation();
  if (tables.length === 0) return <p>{t("observatory.tables.none")}</p>;
  return (
    <>
      {tables.map((table) => (
        <PublishedTable
          key={table.id}
          table={table}
          findings={findings.filter((f) => f.document === table.document && f.table === table.code)}
        />
      ))}
    </>
  );
}

function PublishedTable({ table, findings }: { table: PublishedTableDto; findings: DiscrepancyDto[] }) {
  const { t, i18n } = useTranslation();
  const num = figureFormat(i18n.language);
  const measure = useMeasureLabel();
  const id = tableAnchor(table);
  const findingAt = (row: PublishedTableDto["rows"][number], column: Column) => {
    const here = findings.filter(
      (f) => f.row === row.label && f.column === column.key && (f.line === null || f.line === row.line),
    );
    if (here.length === 0) return null;
    return here.some((f) => f.severity === "major") ? "major" : "minor";
  };
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-5 published-table-section">
      <h3 id={`${id}-title`} className="h5">
        {table.code} – {table.title}
      </h3>
      <p className="small text-muted-strong mb-2">
        {table.document}
        {table.source ? ` · ${t("observatory.tables.source", { source: table.source })}` : ""}
        {table.lines ? ` · ${t("observatory.tables.lines", { from: table.lines[0], to: table.lines[1] })}` : ""}
        {findings.length ? ` · ${t("observatory.tables.findings", { count: findings.length })}` : ""}
      </p>
      <ScrollTable label={t("observatory.scrollTable", { table: table.code })}>
        <table className="table table-sm table-bordered published-table">
          <caption className="visually-hidden">
            {table.code} – {table.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("observatory.tables.rowLabel")}</th>
              {table.columns.map((c) => (
                <th scope="col" className="text-end" key={c.key}>
                  <code>{c.key}</code>
                  <span className="d-block small fw-normal">{measure(c)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={`${row.label}|${row.line}`}
                className={row.kind === "total" || row.kind === "mean" ? "row-total" : undefined}
              >
                <th scope="row">{row.label}</th>
                {table.columns.map((c) => {
                  const value = row.values[c.key];
                  const finding = findingAt(row, c);
                  return (
                    <td
                      key={c.key}
                      className={`text-end text-nowrap ${finding ? `cell-finding cell-${finding}` : ""}`}
                      data-finding={finding ?? undefined}
                    >
                      {value === undefined ? "" : num.format(value)}
                      {finding ? (
                        <span className="visually-hidden">
                          {" "}
                          ({t(`observatory.check.severities.${finding}`)}: {t("observatory.tables.differs")})
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
