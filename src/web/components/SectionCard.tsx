import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Icon } from "./Icon.tsx";

interface SectionCardProps {
  title: string;
  text: ReactNode;
  to: string;
  icon: string;
  readOnly?: boolean;
}

/** A Bootstrap Italia card leading to a section. */
export function SectionCard({ title, text, to, icon, readOnly }: SectionCardProps) {
  const { t } = useTranslation();
  return (
    <div className="card-wrapper card-space">
      <div className="card card-bg shadow-sm rounded">
        <div className="card-body">
          <div className="category-top d-flex align-items-center gap-2 mb-2">
            <Icon name={icon} className="icon-primary" />
            {readOnly ? <span className="badge bg-secondary">{t("home.readOnly")}</span> : null}
          </div>
          <h3 className="card-title h5">{title}</h3>
          <p className="card-text">{text}</p>
          <Link className="read-more" to={to}>
            <span className="text">{t("home.open", { section: title })}</span>
            <Icon name="arrow-right" />
          </Link>
        </div>
      </div>
    </div>
  );
}
