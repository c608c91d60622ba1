import type { RoleAssignmentDto } from "../../../shared/contracts/auth.ts";
import { type Permission, ROLE_PERMISSIONS, type Role } from "../../../shared/contracts/rbac.ts";

export interface Assignment {
  role: string;
  ambito_id: number | null;
  ambito_slug: string | null;
  ambito_name: string | null;
  ambito_kind: "ambito" | "comune" | null;
  comune_istat: string | null;
  team_id: number | null;
  organisation_id: number | null;
}

/** What one user may do in one Ambito for one permission: the scope every repo query applies. */
export interface AccessScope {
  userId: number;
  ambitoId: number;
  ambitoSlug: string;
  permission: Permission;
  /** "all" or the Comuni (ISTAT codes) the grant is limited to. */
  comuni: "all" | string[];
  teams: "all" | number[];
  organisations: "all" | number[];
}

const permissionsOf = (role: string): readonly Permission[] => ROLE_PERMISSIONS[role as Role] ?? [];

export function globalPermissions(assignments: Assignment[]): Permission[] {
  const set = new Set<Permission>();
  for (const a of assignments) if (a.ambito_id === null) for (const p of permissionsOf(a.role)) set.add(p);
  return [...set];
}

/**
 * The scope of `permission` in an Ambito, or null when no assignment grants it (deny by default).
 * Platform-wide grants (system administrators) cover every Ambito without restriction.
 */
export function resolveScope(
  userId: number,
  assignments: Assignment[],
  ambito: { id: number; slug: string },
  permission: Permission,
): AccessScope | null {
  const grants = assignments.filter(
    (a) => (a.ambito_id === ambito.id || a.ambito_id === null) && permissionsOf(a.role).includes(permission),
  );
  if (grants.length === 0) return null;
  const unrestricted = (pick: (a: Assignment) => unknown) => grants.some((a) => pick(a) === null);
  const collect = <T>(pick: (a: Assignment) => T | null): "all" | T[] =>
    unrestricted(pick) ? "all" : [...new Set(grants.map(pick).filter((v): v is T => v !== null))];
  return {
    userId,
    ambitoId: ambito.id,
    ambitoSlug: ambito.slug,
    permission,
    comuni: collect((a) => a.comune_istat),
    teams: collect((a) => a.team_id),
    organisations: collect((a) => a.organisation_id),
  };
}

export function permissionsIn(assignments: Assignment[], ambitoId: number): Permission[] {
  const set = new Set<Permission>();
  for (const a of assignments) {
    if (a.ambito_id === ambitoId || a.ambito_id === null) for (const p of permissionsOf(a.role)) set.add(p);
  }
  return [...set].sort();
}

export function toAssignmentDto(a: Assignment): RoleAssignmentDto {
  return {
    role: a.role as Role,
    ambito: a.ambito_slug,
    comuneIstat: a.comune_istat,
    teamId: a.team_id,
    organisationId: a.organisation_id,
  };
}

export function inScope(scope: AccessScope, comuneIstat: string): boolean {
  return scope.comuni === "all" || scope.comuni.includes(comuneIstat);
}
