import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { RankingTable } from "../portal/RankingTable.tsx";
import { type RankingDto, useAdminRanking } from "./data.ts";

/** /a/:ambito/offerta/bandi/:id/graduatoria: compute (idempotent) and publish the ranking. */
export function RankingAdminPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const { id = "" } = useParams();
  const ranking = useAdminRanking(ambito.slug, id);
  const qc = useQueryClient();
  const key = ["offerta", "ranking", ambito.slug, id];
  const compute = useMutation({
    mutationFn: () => api.post<RankingDto>(`/api/ambiti/${ambito.slug}/calls/${id}/ranking`),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const publish = useMutation({
    mutationFn: () => api.post<RankingDto>(`/api/ambiti/${ambito.slug}/calls/${id}/ranking/publish`),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const root = `/a/${ambito.slug}/offerta`;
  const r = ranking.data;
  return (
    <>
      <PageHeader
        title={t("catalogue.ranking.title", { call: r?.callTitle ?? "" })}
        breadcrumbs={[
          { label: t("home.title"), to: `/a/${ambito.slug}` },
          { label: t("catalogue.title"), to: root },
        ]}
        lead={t("catalogue.ranking.lead")}
      />
      <div className="d-flex gap-2 mb-4">
        <button type="button" className="btn btn-primary" onClick={() => compute.mutate()} disabled={compute.isPending}>
          {t("catalogue.ranking.compute")}
        </button>
        <button
          type="button"
          className="btn btn-success"
          onClick={() => publish.mutate()}
          disabled={publish.isPending || !r?.rows.length}
        >
          {t("catalogue.ranking.publish")}
        </button>
        {r?.publishedAt ? (
          <Link className="btn btn-link" to={`/bandi/${ambito.slug}/${r.callCode}/graduatoria`}>
            {t("catalogue.ranking.public")}
          </Link>
        ) : null}
      </div>
      {compute.isSuccess ? (
        <p className="alert alert-info" role="status">
          {t("catalogue.ranking.computed")}
        </p>
      ) : null}
      {compute.isError ? <ErrorAlert error={compute.error} /> : null}
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
      {ranking.isPending ? <Loading /> : null}
      {ranking.isError ? <ErrorAlert error={ranking.error} /> : null}
      {r && r.rows.length === 0 ? <p>{t("catalogue.ranking.empty")}</p> : null}
      {r?.rows.length ? <RankingTable ranking={r} protocol /> : null}
    </>
  );
}
