import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../components/PageHeader.tsx";

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("forbidden.title")} lead={t("forbidden.text")} />
      <Link to="/">{t("notFound.home")}</Link>
    </>
  );
}
