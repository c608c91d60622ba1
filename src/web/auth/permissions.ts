import type { MeResponse } from "../../shared/contracts/auth.ts";
import type { Permission } from "../../shared/contracts/rbac.ts";

export type AmbitoAccess = MeResponse["ambiti"][number];
export type RoleAssignment = MeResponse["user"]["roles"][number];

/** True when the user holds at least one of the permissions in the Ambito. */
export function canAny(ambito: AmbitoAccess | undefined, permissions: readonly Permission[]): boolean {
  return !!ambito && permissions.some((p) => ambito.permissions.includes(p));
}

/** The user's roles that apply in an Ambito: the ones assigned there plus platform-wide ones. */
export function rolesIn(me: MeResponse, slug: string): RoleAssignment[] {
  return me.user.roles.filter((r) => r.ambito === slug || r.ambito === null);
}
