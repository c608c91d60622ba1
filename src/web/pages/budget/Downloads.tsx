import { useTranslation } from "react-i18next";
import { Icon } from "../../components/Icon.tsx";

/** CSV and XLSX of the table on screen. */
export function Downloads({ csv, xlsx, what }: { csv: string; xlsx: string; what: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex flex-wrap gap-2 mb-4">
      <a className="btn btn-outline-primary btn-sm" href={csv} download data-testid="download-csv">
        <Icon name="file-csv" className="icon-primary icon-sm me-1" />
        {t("budget.download.csv", { what })}
      </a>
      <a className="btn btn-outline-primary btn-sm" href={xlsx} download data-testid="download-xlsx">
        <Icon name="file-xlsx" className="icon-primary icon-sm me-1" />
        {t("budget.download.xlsx", { what })}
      </a>
    </div>
  );
}
