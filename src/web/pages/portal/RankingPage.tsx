import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { usePublicRanking } from "./data.ts";
import { RankingTable } from "./RankingTable.tsx";

/** /bandi/:ambito/:code/graduatoria: the published ranking, pseudonymised. */
export function RankingPage() {
  const { t } = useTranslation();
  const { ambito = "", code = "" } = useParams();
  const ranking = usePublicRanking(ambito, code);
  const crumbs = [
    { label: t("portal.calls.title"), to: `/bandi/${ambito}` },
    { label: ranking.data?.callTitle ?? code, to: `/bandi/${ambito}/${code}` },
  ];
  return (
    <>
      <PageHeader title={t("portal.ranking.title")} breadcrumbs={crumbs} lead={t("portal.ranking.lead")} />
      {ranking.isPending ? <Loading /> : null}
      {ranking.isError ? <ErrorAlert error={ranking.error} /> : null}
      {ranking.data ? <RankingTable ranking={ranking.data} /> : null}
    </>
  );
}
