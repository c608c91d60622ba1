import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the document title to "<page> · Filiera" (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t("app.name");
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
