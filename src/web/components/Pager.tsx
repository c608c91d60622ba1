import { useTranslation } from "react-i18next";
import { Icon } from "./Icon.tsx";

interface PagerProps {
  /** Zero-based page. */
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next paging with "page x of y". */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination-wrapper" aria-label={t("common.pagination")}>
      <ul className="pagination align-items-center">
        <li className={`page-item ${page === 0 ? "disabled" : ""}`}>
          <button type="button" className="page-link" disabled={page === 0} onClick={() => onPage(page - 1)}>
            <Icon name="chevron-left" className="icon-primary" />
            <span className="visually-hidden">{t("common.previousPage")}</span>
          </button>
        </li>
        <li className="page-item">
          <span className="page-link text-nowrap">{t("common.pageOf", { page: page + 1, pages })}</span>
        </li>
        <li className={`page-item ${page + 1 >= pages ? "disabled" : ""}`}>
          <button type="button" className="page-link" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
            <span className="visually-hidden">{t("common.nextPage")}</span>
            <Icon name="chevron-right" className="icon-primary" />
          </button>
        </li>
      </ul>
    </nav>
  );
}
