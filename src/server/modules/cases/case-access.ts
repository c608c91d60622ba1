import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { type Caller, caseAccess, type FileAccessVia } from "../people/index.ts";

/** One audit entry about a case: ids and codes only in details. */
export const auditCase = (
  db: Db,
  c: Caller,
  action: string,
  caseId: string | null,
  comune: string | null,
  details: Record<string, string | number | boolean | null> = {},
  outcome: "ok" | "denied" = "ok",
) =>
  recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action,
    entityType: "case",
    entityId: caseId,
    comuneIstat: comune,
    purpose: c.purpose,
    outcome,
    ip: c.ip,
    details,
  });

export interface CaseContext {
  id: string;
  personId: string;
  comune: string;
  status: "open" | "suspended" | "closed";
  responsibleUserId: number;
  via: FileAccessVia;
}

/**
 * The case if the caller may open it. A case outside the caller's reach answers 404 exactly like
 * a missing one (no hint that it exists), but the attempt is audited as denied. An emergency
 * access is read-only; "comune" means the caller works for the Comune in charge.
 */
export async function requireCase(
  db: Db,
  c: Caller,
  caseId: string,
  action: string,
  mode: "read" | "write" | "manage" = "read",
): Promise<CaseContext> {
  const access = await caseAccess(db, c.scope, caseId);
  if (!access.exists) throw notFound("Case");
  const { row, via } = access;
  if (!via) {
    await auditCase(db, c, action, caseId, row.comune_istat, {}, "denied");
    throw notFound("Case");
  }
  if (mode !== "read" && via === "emergency") {
    await auditCase(db, c, action, caseId, row.comune_istat, { via }, "denied");
    throw forbidden("An emergency access lets you read the file, not change it");
  }
  if (mode === "manage" && via !== "comune" && via !== "team") {
    await auditCase(db, c, action, caseId, row.comune_istat, { via }, "denied");
    throw forbidden("Only the social service in charge can do this");
  }
  return {
    id: row.id,
    personId: row.person_id,
    comune: row.comune_istat,
    status: row.status,
    responsibleUserId: row.responsible_user_id,
    via,
  };
}

export function requireOpen(ctx: CaseContext, what = "This change") {
  if (ctx.status === "closed") throw new AppError("CONFLICT", `${what} needs an open case: reopen it first`);
}

/** Social workers of the Ambito, with the Comuni of their assignments. */
export async function socialWorkers(db: Db, ambitoId: number) {
  const rows = await db
    .selectFrom("role_assignment as r")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select(["u.id", "u.display_name", "r.comune_istat"])
    .where("r.ambito_id", "=", ambitoId)
    .where("r.role", "=", "social_worker")
    .where("u.active", "=", true)
    .orderBy("u.display_name")
    .execute();
  const byId = new Map<number, { id: number; name: string; comuni: string[] }>();
  for (const r of rows) {
    const w = byId.get(r.id) ?? { id: r.id, name: r.display_name, comuni: [] };
    if (r.comune_istat && !w.comuni.includes(r.comune_istat)) w.comuni.push(r.comune_istat);
    byId.set(r.id, w);
  }
  return [...byId.values()];
}

export async function requireWorker(db: Db, ambitoId: number, userId: number, path: string, comune?: string) {
  const w = (await socialWorkers(db, ambitoId)).find((x) => x.id === userId);
  if (!w || (comune && w.comuni.length > 0 && !w.comuni.includes(comune))) {
    throw new AppError("VALIDATION", "Not a social worker of this Comune", [
      {
        path,
        message: comune ? "must be a social worker of the Comune in charge" : "must be a social worker of this Ambito",
      },
    ]);
  }
  return w;
}
