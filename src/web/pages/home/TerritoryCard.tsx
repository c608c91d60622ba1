import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AmbitoDetail } from "../../../shared/contracts/territory.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { TerritorySummary } from "../territory/TerritorySummary.tsx";

/** The territory of the Ambito on the home page: the enti it belongs to, its Comuni and Municipi. */
export function TerritoryCard({ query }: { query: UseQueryResult<AmbitoDetail> }) {
  const { t } = useTranslation();
  const detail = query.data;
  return (
    <section aria-labelledby="home-territory" className="card card-bg shadow-sm rounded mt-4 territory-card">
      <div className="card-body">
        <h2 id="home-territory" className="h3 card-title">
          {t("territory.title")}
        </h2>
        {query.isPending ? <Loading /> : null}
        {query.isError ? <ErrorAlert error={query.error} /> : null}
        {detail ? (
          <>
            <TerritorySummary detail={detail} />
            <h3 id="home-comuni" className="h5 mt-4">
              {t("territory.comuniCount", { count: detail.comuni.length })}
            </h3>
            <ul className="comuni-list" aria-labelledby="home-comuni">
              {detail.comuni.map((c) => (
                <li key={c.istatCode}>
                  <span className="fw-semibold">{c.name}</span> ({c.provinceAbbr})
                  <br />
                  <span className="text-muted-strong small">
                    {t("territory.istatShort")} {c.istatCode} · {t("territory.cadastralShort")} {c.cadastralCode}
                  </span>
                </li>
              ))}
            </ul>
            {detail.municipi.length ? (
              <>
                <h3 id="home-municipi" className="h5 mt-4">
                  {t("territory.municipiCount", { count: detail.municipi.length })}
                </h3>
                <ul className="municipi-list" aria-labelledby="home-municipi">
                  {detail.municipi.map((m) => (
                    <li key={m.id}>{m.name}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <Link to="territorio" className="btn btn-outline-primary btn-sm mt-2">
              {t("territory.openDetail")}
            </Link>
          </>
        ) : null}
      </div>
    </section>
  );
}
