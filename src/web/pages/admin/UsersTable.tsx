import { useTranslation } from "react-i18next";
import type { UserDto } from "../../../shared/contracts/admin.ts";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";
import { assignmentLabel } from "./roleLabels.ts";

interface UsersTableProps {
  users: UserDto[];
  total: number;
  onEdit?: (user: UserDto) => void;
}

/** The accounts with their roles in the Ambito and their state. */
export function UsersTable({ users, total, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  const ambito = useAmbito();
  const detail = useAmbitoDetail(ambito.slug, ambito.permissions.includes("territory:read"));
  const names = {
    comuni: comuneNames(detail.data),
    organisations: new Map((detail.data?.organisations ?? []).map((o) => [o.id, o.name])),
  };
  if (users.length === 0) return <p>{t("users.none")}</p>;
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle">
        <caption>{t("users.caption", { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.username")}</th>
            <th scope="col">{t("users.displayName")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.roles")}</th>
            <th scope="col">{t("users.status")}</th>
            {onEdit ? <th scope="col">{t("common.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{u.email ?? "—"}</td>
              <td>
                <ul className="list-unstyled mb-0">
                  {u.roles.map((r) => (
                    <li key={`${r.role}-${r.comuneIstat}-${r.teamId}-${r.organisationId}`}>
                      {assignmentLabel(r, t, names)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <span className={`badge ${u.active ? "bg-success" : "bg-secondary"}`}>
                  {u.active ? t("users.active") : t("users.inactive")}
                </span>
              </td>
              {onEdit ? (
                <td>
                  <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => onEdit(u)}>
                    {t("common.edit")}
                    <span className="visually-hidden"> {u.username}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
