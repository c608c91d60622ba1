import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { useMe } from "../auth/useMe.ts";
import { PageHeader } from "../components/PageHeader.tsx";
import { Shell } from "../layout/Shell.tsx";
import { LAST_AMBITO_KEY, storage } from "../storage.ts";

/** "/": into the last Ambito used, else the first one; a note when the user has none. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useMe();
  const last = storage.get(LAST_AMBITO_KEY);
  const target = me.ambiti.find((a) => a.slug === last) ?? me.ambiti[0];
  if (target) return <Navigate to={`/a/${target.slug}`} replace />;
  return (
    <Shell>
      <PageHeader title={t("home.noAmbitoTitle")} lead={t("home.noAmbito")} />
      <Link to="/profilo">{t("header.profile")}</Link>
    </Shell>
  );
}
