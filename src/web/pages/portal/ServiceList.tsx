import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ServiceDto } from "./data.ts";
import { dateText } from "./format.ts";

type Summary = Omit<
  ServiceDto,
  | "description"
  | "locations"
  | "calls"
  | "eligibility"
  | "status"
  | "reviewNote"
  | "source"
  | "providerKind"
  | "siussCode"
  | "targetGroups"
  | "cost"
  | "copayment"
  | "howToAccess"
>;

/** Search results: name (link to the service page), what and where, for whom, last verification. */
export function ServiceList({ items }: { items: Summary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="list-unstyled" data-testid="service-list">
      {items.map((s) => (
        <li key={`${s.ambito}-${s.id}`} className="border-bottom py-3">
          <h3 className="h5 mb-1">
            <Link to={`/servizi/${s.ambito}/${s.id}`}>{s.name}</Link>
          </h3>
          <div className="small">
            <span className="badge bg-primary me-2">{t(`portal.kinds.${s.kind}`)}</span>
            {t(`portal.areas.${s.userArea}`)}
            {s.comuneName ? ` · ${s.comuneName}` : ""}
            {s.ageMin !== null || s.ageMax !== null
              ? ` · ${t("portal.ages", { min: s.ageMin ?? 0, max: s.ageMax ?? 120 })}`
              : ""}
            {s.capacity !== null ? ` · ${t("portal.capacity", { count: s.capacity })}` : ""}
          </div>
          <div className="small text-muted-strong">
            {s.providerName} · {t("portal.verified", { date: dateText(s.lastVerifiedAt, i18n.language) })}
          </div>
        </li>
      ))}
    </ul>
  );
}
