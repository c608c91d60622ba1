import { useTranslation } from "react-i18next";

/** Skip links (WCAG 2.4.1), visible on focus. */
export function SkipLinks({ withNav }: { withNav: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="skiplinks">
      <a className="visually-hidden-focusable" href="#main-content">
        {t("skip.content")}
      </a>
      {withNav ? (
        <a className="visually-hidden-focusable" href="#main-nav">
          {t("skip.nav")}
        </a>
      ) : null}
    </div>
  );
}
