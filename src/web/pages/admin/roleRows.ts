import type { UserDto } from "../../../shared/contracts/admin.ts";
import { ROLE_SCOPE, ROLES, type Role } from "../../../shared/contracts/rbac.ts";

/** One role being edited; empty strings for unset selects. */
export interface RoleRow {
  role: Role | "";
  comuneIstat: string;
  teamId: string;
  organisationId: string;
}

/** Roles an Ambito administrator may assign (platform-wide ones are made with the CLI). */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter((r) => ROLE_SCOPE[r].ambito);

export const emptyRow = (): RoleRow => ({ role: "", comuneIstat: "", teamId: "", organisationId: "" });

export function rowsOf(user: UserDto | undefined): RoleRow[] {
  if (!user?.roles.length) return [emptyRow()];
  return user.roles.map((r) => ({
    role: r.role,
    comuneIstat: r.comuneIstat ?? "",
    teamId: r.teamId === null ? "" : String(r.teamId),
    organisationId: r.organisationId === null ? "" : String(r.organisationId),
  }));
}

/** The body's roles: only the scope fields the role accepts. */
export function toAssignments(rows: RoleRow[]) {
  return rows.map((row) => {
    const scope = row.role ? ROLE_SCOPE[row.role] : undefined;
    return {
      role: row.role,
      ...(scope && scope.comune !== "none" && row.comuneIstat ? { comuneIstat: row.comuneIstat } : {}),
      ...(scope && scope.comune !== "none" && row.teamId ? { teamId: Number(row.teamId) } : {}),
      ...(scope?.organisation && row.organisationId ? { organisationId: Number(row.organisationId) } : {}),
    };
  });
}
