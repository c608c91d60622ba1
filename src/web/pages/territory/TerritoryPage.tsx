import { useTranslation } from "react-i18next";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { ComuniTable } from "./ComuniTable.tsx";
import { TerritorySummary } from "./TerritorySummary.tsx";

/** /a/:ambito/territorio: the whole detail of the Ambito. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const query = useAmbitoDetail(ambito.slug);
  const detail = query.data;
  const names = comuneNames(detail);
  return (
    <>
      <PageHeader
        title={t("territory.title")}
        breadcrumbs={[{ label: t("home.title"), to: `/a/${ambito.slug}` }]}
        lead={ambito.name}
      />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {detail ? (
        <>
          <TerritorySummary detail={detail} />
          <h2 className="h3 mt-5">{t("territory.comuniTitle")}</h2>
          <ComuniTable comuni={detail.comuni} />
          {detail.municipi.length ? (
            <>
              <h2 className="h3 mt-5">{t("territory.municipiTitle")}</h2>
              <div className="table-responsive">
                <table className="table table-striped">
                  <caption>{t("territory.municipiCaption", { count: detail.municipi.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("territory.number")}</th>
                      <th scope="col">{t("territory.name")}</th>
                      <th scope="col">{t("territory.comune")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.municipi.map((m) => (
                      <tr key={m.id}>
                        <td>{m.number}</td>
                        <th scope="row">{m.name}</th>
                        <td>{names.get(m.comuneIstat) ?? m.comuneIstat}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          {detail.teams.length ? (
            <>
              <h2 className="h3 mt-5">{t("territory.teamsTitle")}</h2>
              <ul>
                {detail.teams.map((team) => (
                  <li key={team.id}>
                    {team.name}
                    {team.comuneIstat ? ` (${names.get(team.comuneIstat) ?? team.comuneIstat})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {detail.organisations.length ? (
            <>
              <h2 className="h3 mt-5">{t("territory.organisationsTitle")}</h2>
              <ul>
                {detail.organisations.map((o) => (
                  <li key={o.id}>{o.name}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
