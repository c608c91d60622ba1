import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../components/ScrollTable.tsx";
import { AMBITO, formatIndicator, type IndicatorValue, type ProfileIndex } from "./data.ts";

/** One value: it-IT formatted, with a "pubblicato" badge (the table's code as title) when not computed. */
export function ValueCell({
  index,
  value,
  compact = false,
}: {
  index: ProfileIndex;
  value: IndicatorValue | undefined;
  /** An asterisk instead of the badge (printable tables). */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!value) {
    return (
      <td className="text-end text-nowrap">
        <abbr title={t("observatory.notAvailableLong")}>{t("observatory.notAvailable")}</abbr>
      </td>
    );
  }
  const text = formatIndicator(i18n.language, index.info(value.indicator), value.value);
  return (
    <td className="text-end text-nowrap" data-origin={value.origin}>
      {text}
      {value.origin === "published" && compact ? (
        <>
          <span aria-hidden="true" title={t("observatory.publishedTitle", { table: value.table ?? "" })}>
            *
          </span>
          <span className="visually-hidden">
            {" "}
            ({t("observatory.published")}, {value.table})
          </span>
        </>
      ) : null}
      {value.origin === "published" && !compact ? (
        <span
          className="badge badge-published ms-1"
          title={t("observatory.publishedTitle", { table: value.table ?? "" })}
        >
          {t("observatory.published")}
          <span className="visually-hidden">, {value.table}</span>
        </span>
      ) : null}
    </td>
  );
}

interface IndicatorTableProps {
  index: ProfileIndex;
  indicator: string;
  years: number[];
  label: string;
}

/** Comuni (and the Ambito) by year for one indicator. */
export function IndicatorTable({ index, indicator, years, label }: IndicatorTableProps) {
  const { t } = useTranslation();
  const comuni = index.comuni();
  return (
    <ScrollTable label={t("observatory.scrollTable", { table: label })}>
      <table className="table table-sm table-striped indicator-table" data-testid="indicator-table">
        <caption>{t("observatory.tableCaption", { indicator: label, count: comuni.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("observatory.territory")}</th>
            {years.map((y) => (
              <th scope="col" className="text-end" key={y}>
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comuni.map((c) => (
            <tr key={c.istatCode}>
              <th scope="row">{c.name}</th>
              {years.map((y) => (
                <ValueCell key={y} index={index} value={index.get(c.istatCode, indicator, y)} />
              ))}
            </tr>
          ))}
          <tr className="ambito-row">
            <th scope="row">{t("observatory.ambitoRow")}</th>
            {years.map((y) => (
              <ValueCell key={y} index={index} value={index.get(AMBITO, indicator, y)} />
            ))}
          </tr>
        </tbody>
      </table>
    </ScrollTable>
  );
}
