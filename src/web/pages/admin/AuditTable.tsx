import { useTranslation } from "react-i18next";
import type { AuditEventDto } from "../../../shared/contracts/audit.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";

/** Audit events, newest first. */
export function AuditTable({ events }: { events: AuditEventDto[] }) {
  const { t, i18n } = useTranslation();
  const ambito = useAmbito();
  const detail = useAmbitoDetail(ambito.slug, ambito.permissions.includes("territory:read"));
  const names = comuneNames(detail.data);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "medium" });
  if (events.length === 0) return <p>{t("audit.none")}</p>;
  return (
    <div className="table-responsive">
      <table className="table table-sm table-striped audit-table">
        <caption>{t("audit.caption", { count: events.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.seq")}</th>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.entity")}</th>
            <th scope="col">{t("audit.comune")}</th>
            <th scope="col">{t("audit.purpose")}</th>
            <th scope="col">{t("audit.outcome")}</th>
            <th scope="col">{t("audit.ip")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <th scope="row">{e.seq}</th>
              <td className="text-nowrap">
                <time dateTime={e.at}>{format.format(new Date(e.at))}</time>
              </td>
              <td>{e.actorUsername ?? t(`audit.actorKinds.${e.actorKind}`, { defaultValue: e.actorKind })}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityType}
                {e.entityId ? ` #${e.entityId}` : ""}
              </td>
              <td>{e.comuneIstat ? (names.get(e.comuneIstat) ?? e.comuneIstat) : "—"}</td>
              <td>{e.purpose ?? "—"}</td>
              <td>
                <span className={`badge ${e.outcome === "ok" ? "bg-success" : "bg-danger"}`}>
                  {t(`audit.outcomes.${e.outcome}`)}
                </span>
              </td>
              <td>{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
