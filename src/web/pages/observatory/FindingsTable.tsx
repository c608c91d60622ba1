import { useTranslation } from "react-i18next";
import type { DiscrepancyDto } from "../../../shared/contracts/observatory.ts";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { explain } from "./explanation.ts";

/** Published figures: at most three decimals, it-IT. */
export function figureFormat(language: string, signed = false): Intl.NumberFormat {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "it-IT", {
    maximumFractionDigits: 3,
    signDisplay: signed ? "exceptZero" : "auto",
  });
}

export function SeverityBadge({ severity }: { severity: DiscrepancyDto["severity"] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${severity}`}>{t(`observatory.check.severities.${severity}`)}</span>;
}

interface FindingsTableProps {
  items: DiscrepancyDto[];
  total: number;
  /** Anchor of each published table, by "document|code". */
  anchors: Map<string, string>;
}

/** The checker's findings, one row per published value that does not follow from the counts. */
export function FindingsTable({ items, total, anchors }: FindingsTableProps) {
  const { t, i18n } = useTranslation();
  const num = figureFormat(i18n.language);
  const signed = figureFormat(i18n.language, true);
  if (items.length === 0) return <p>{t("observatory.check.noneFiltered")}</p>;
  return (
    <ScrollTable label={t("observatory.scrollTable", { table: t("observatory.check.findingsTitle") })}>
      <table className="table table-sm table-striped findings-table" data-testid="findings">
        <caption>{t("observatory.check.caption", { count: items.length, total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("observatory.check.document")}</th>
            <th scope="col">{t("observatory.check.table")}</th>
            <th scope="col">{t("observatory.check.row")}</th>
            <th scope="col">{t("observatory.check.column")}</th>
            <th scope="col">{t("observatory.check.line")}</th>
            <th scope="col">{t("observatory.check.kind")}</th>
            <th scope="col" className="text-end">
              {t("observatory.check.published")}
            </th>
            <th scope="col" className="text-end">
              {t("observatory.check.recomputed")}
            </th>
            <th scope="col" className="text-end">
              {t("observatory.check.difference")}
            </th>
            <th scope="col">{t("observatory.check.severity")}</th>
            <th scope="col">{t("observatory.check.explanation")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const anchor = anchors.get(`${d.document}|${d.table}`);
            return (
              <tr key={`${d.document}|${d.table}|${d.row}|${d.column}|${d.kind}|${d.line}`}>
                <td className="document">{d.document}</td>
                <td className="text-nowrap">{anchor ? <a href={`#${anchor}`}>{d.table}</a> : d.table}</td>
                <th scope="row">{d.row}</th>
                <td>
                  <code>{d.column}</code>
                </td>
                <td className="text-end">{d.line ?? "—"}</td>
                <td>{t(`observatory.check.kinds.${d.kind}`)}</td>
                <td className="text-end text-nowrap">{num.format(d.published)}</td>
                <td className="text-end text-nowrap">{num.format(d.recomputed)}</td>
                <td className="text-end text-nowrap">{signed.format(d.difference)}</td>
                <td>
                  <SeverityBadge severity={d.severity} />
                </td>
                <td className="explanation">{explain(d.explanation, i18n.language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
