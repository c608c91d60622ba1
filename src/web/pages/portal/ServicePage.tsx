import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useService } from "./data.ts";
import { dateText } from "./format.ts";
import { PlacesMap } from "./PlacesMap.tsx";

/** /servizi/:ambito/:id: what the service is, for whom, where and when, how to access, when verified. */
export function ServicePage() {
  const { t, i18n } = useTranslation();
  const { ambito = "", id = "" } = useParams();
  const service = useService(ambito, id);
  const s = service.data;
  const crumbs = [{ label: t("portal.search.title"), to: `/servizi?ambito=${ambito}` }];
  if (!s) {
    return (
      <>
        <PageHeader title={t("portal.service.title")} breadcrumbs={crumbs} />
        {service.isPending ? <Loading /> : <ErrorAlert error={service.error} />}
      </>
    );
  }
  const rows: [string, string | null][] = [
    [t("portal.service.provider"), s.providerName],
    [t("portal.service.area"), t(`portal.areas.${s.userArea}`)],
    [t("portal.service.type"), s.unitType ? t(`portal.unitTypes.${s.unitType}`, { defaultValue: s.unitType }) : null],
    [
      t("portal.service.ages"),
      s.ageMin !== null || s.ageMax !== null
        ? t("portal.ages", { min: s.ageMin ?? 0, max: s.ageMax ?? 120 })
        : t("portal.service.allAges"),
    ],
    [t("portal.service.capacity"), s.capacity !== null ? String(s.capacity) : null],
    [t("portal.service.cost"), s.cost],
    [t("portal.service.copayment"), s.copayment],
    [t("portal.service.howToAccess"), s.howToAccess],
    [t("portal.service.siuss"), s.siussCode],
    [t("portal.service.verified"), dateText(s.lastVerifiedAt, i18n.language)],
    [t("portal.service.source"), s.source],
  ];
  return (
    <>
      <PageHeader title={s.name} breadcrumbs={crumbs} lead={s.description} />
      <dl className="row">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div className="col-12 row" key={k}>
              <dt className="col-sm-4">{k}</dt>
              <dd className="col-sm-8">{v}</dd>
            </div>
          ))}
      </dl>
      <h2 className="h4">{t("portal.service.places")}</h2>
      <ul>
        {s.locations.map((l) => (
          <li key={l.id}>
            {l.name ? `${l.name}, ` : ""}
            {l.address} ({l.comuneName}){l.openingHours ? ` · ${t("portal.service.hours")}: ${l.openingHours}` : ""}
          </li>
        ))}
      </ul>
      <PlacesMap places={s.locations.map((l) => ({ ...l, name: l.name ?? s.name }))} />
      {s.calls.length ? (
        <>
          <h2 className="h4 mt-4">{t("portal.service.calls")}</h2>
          <ul>
            {s.calls.map((c) => (
              <li key={c.code}>
                <Link to={`/bandi/${s.ambito}/${c.code}`}>{c.title}</Link> · {t(`portal.callStatus.${c.status}`)} ·{" "}
                {t("portal.calls.deadline", { date: dateText(c.deadline, i18n.language) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
