import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../hooks/usePageTitle.ts";

export interface Crumb {
  label: string;
  to: string;
}

interface PageHeaderProps {
  title: string;
  /** Document title, when it differs from the heading. */
  documentTitle?: string;
  breadcrumbs?: Crumb[];
  lead?: ReactNode;
}

/** Breadcrumbs, the page's only <h1>, an optional lead paragraph; sets the document title. */
export function PageHeader({ title, documentTitle, breadcrumbs, lead }: PageHeaderProps) {
  const { t } = useTranslation();
  usePageTitle(documentTitle ?? title);
  return (
    <div className="mb-4">
      {breadcrumbs?.length ? (
        <nav className="breadcrumb-container" aria-label={t("common.breadcrumb")}>
          <ol className="breadcrumb p-0">
            {breadcrumbs.map((c) => (
              <li className="breadcrumb-item" key={c.to}>
                <Link to={c.to}>{c.label}</Link>
                <span className="separator" aria-hidden="true">
                  /
                </span>
              </li>
            ))}
            <li className="breadcrumb-item active" aria-current="page">
              {title}
            </li>
          </ol>
        </nav>
      ) : null}
      <h1 className="mb-3">{title}</h1>
      {lead ? <p className="lead mb-0">{lead}</p> : null}
    </div>
  );
}
