import type { MeResponse } from "../../../shared/contracts/auth.ts";
import type { Db } from "../../db/database.ts";
import { globalPermissions, permissionsIn, toAssignmentDto } from "./access.ts";
import type { Principal } from "./request-context.ts";

/** The session's user, roles and the Ambiti they may enter with their permissions there. */
export async function buildMe(db: Db, p: Principal): Promise<MeResponse> {
  const global = globalPermissions(p.assignments);
  const hasGlobal = p.assignments.some((a) => a.ambito_id === null);
  const ids = [...new Set(p.assignments.map((a) => a.ambito_id).filter((id): id is number => id !== null))];
  let query = db.selectFrom("ambito").select(["id", "slug", "name", "kind"]).orderBy("name");
  if (!hasGlobal) query = query.where("id", "in", ids);
  const ambiti = hasGlobal || ids.length > 0 ? await query.execute() : [];
  return {
    user: {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      mustChangePassword: p.mustChangePassword,
      authMethod: p.authMethod,
      roles: p.assignments.map(toAssignmentDto),
      globalPermissions: global,
    },
    ambiti: ambiti.map((a) => ({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      permissions: permissionsIn(p.assignments, a.id),
    })),
    csrfToken: p.csrfToken,
  };
}
