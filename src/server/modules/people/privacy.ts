import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { auditPerson, type Caller, requirePersonAccess } from "./people.service.ts";

/** How long an emergency access ("break the glass") keeps a file open. */
export const EMERGENCY_HOURS = 4;

/**
 * A colleague of the Comune in charge gives another social worker of the Ambito time-limited
 * access to a person's file (e.g. the worker of the Comune the person is moving to).
 */
export async function grantAccess(
  db: Db,
  c: Caller,
  personId: string,
  input: { userId: number; days: number; reason: string },
) {
  const { comune, via } = await requirePersonAccess(db, c, personId, "person.grant");
  if (via !== "comune" && via !== "team") throw forbidden("Only the social service in charge can grant access");
  const grantee = await db
    .selectFrom("role_assignment")
    .select("user_id")
    .where("user_id", "=", input.userId)
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("role", "=", "social_worker")
    .executeTakeFirst();
  if (!grantee) {
    throw new AppError("VALIDATION", "Not a social worker of this Ambito", [
      { path: "body.userId", message: "must be a social worker of this Ambito" },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("file_access_grant")
      .values({
        ambito_id: c.scope.ambitoId,
        person_id: personId,
        user_id: input.userId,
        granted_by: c.scope.userId,
        reason: input.reason,
        valid_until: sql<Date>`now() + make_interval(days => ${input.days})`,
      })
      .returning(["id", "valid_until"])
      .executeTakeFirstOrThrow();
    await auditPerson(trx, c, "person.grant", personId, comune, {
      grant: row.id,
      grantee: input.userId,
      days: input.days,
    });
    return { id: row.id, validUntil: new Date(row.valid_until).toISOString() };
  });
}

/** Opens a file outside the caller's scope for EMERGENCY_HOURS, with a reason; reviewed afterwards. */
export async function openEmergencyAccess(db: Db, c: Caller, personId: string, reason: string) {
  const person = await db
    .selectFrom("person")
    .select("comune_istat")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw notFound("Person");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("emergency_access")
      .values({
        ambito_id: c.scope.ambitoId,
        person_id: personId,
        user_id: c.scope.userId,
        reason,
        expires_at: sql<Date>`now() + make_interval(hours => ${EMERGENCY_HOURS})`,
      })
      .returning(["id", "expires_at"])
      .executeTakeFirstOrThrow();
    // The reason stays in its table (it may describe the person's situation), not in the audit log.
    await auditPerson(trx, c, "person.emergency_access", personId, person.comune_istat, { emergency: row.id });
    return { id: row.id, expiresAt: new Date(row.expires_at).toISOString() };
  });
}

/** The review list for the Ufficio di Piano: emergency accesses, unreviewed first. */
export async function listEmergencyAccess(db: Db, c: Caller, pendingOnly: boolean) {
  let q = db
    .selectFrom("emergency_access as e")
    .innerJoin("app_user as u", "u.id", "e.user_id")
    .select([
      "e.id",
      "e.person_id",
      "e.user_id",
      "u.display_name",
      "e.reason",
      "e.opened_at",
      "e.expires_at",
      "e.reviewed_at",
      "e.review_outcome",
    ])
    .where("e.ambito_id", "=", c.scope.ambitoId);
  if (pendingOnly) q = q.where("e.reviewed_at", "is", null);
  const rows = await q.orderBy(sql`e.reviewed_at is null`, "desc").orderBy("e.opened_at", "desc").limit(200).execute();
  await recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action: "emergency_access.list",
    entityType: "emergency_access",
    purpose: c.purpose,
    ip: c.ip,
    details: { results: rows.length },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      userId: r.user_id,
      userName: r.display_name,
      reason: r.reason,
      openedAt: new Date(r.opened_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      reviewOutcome: r.review_outcome,
    })),
  };
}

export async function reviewEmergencyAccess(
  db: Db,
  c: Caller,
  id: number,
  input: { outcome: "justified" | "unjustified"; note?: string },
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("emergency_access")
      .set({
        reviewed_by: c.scope.userId,
        reviewed_at: sql<Date>`now()`,
        review_outcome: input.outcome,
        review_note: input.note ?? null,
      })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", id)
      .where("reviewed_at", "is", null)
      .returning(["id", "user_id"])
      .executeTakeFirst();
    if (!row) throw notFound("Unreviewed emergency access");
    if (row.user_id === c.scope.userId) throw forbidden("An emergency access is reviewed by someone else");
    await recordAudit(trx, {
      ambitoId: c.scope.ambitoId,
      actorUserId: c.scope.userId,
      actorKind: "user",
      action: "emergency_access.review",
      entityType: "emergency_access",
      entityId: String(id),
      purpose: c.purpose,
      ip: c.ip,
      details: { outcome: input.outcome },
    });
  });
}

/** "Who read my file": every audited access to the person, their cases and their access contacts. */
export async function accessReport(db: Db, c: Caller, personId: string) {
  const { comune, via } = await requirePersonAccess(db, c, personId, "person.access_report");
  if (via !== "comune" && via !== "team") throw forbidden("The access report is kept by the social service in charge");
  const caseIds = (
    await db
      .selectFrom("social_case")
      .select("id")
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("person_id", "=", personId)
      .execute()
  ).map((r) => r.id);
  const contactIds = (
    await db
      .selectFrom("access_contact")
      .select("id")
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("person_id", "=", personId)
      .execute()
  ).map((r) => r.id);
  const rows = await db
    .selectFrom("audit_event as a")
    .leftJoin("app_user as u", "u.id", "a.actor_user_id")
    .select(["a.at", "a.actor_user_id", "u.display_name", "a.action", "a.purpose", "a.outcome"])
    .where("a.chain_id", "=", c.scope.ambitoId)
    .where((eb) =>
      eb.or([
        eb.and([eb("a.entity_type", "=", "person"), eb("a.entity_id", "=", personId)]),
        ...(caseIds.length ? [eb.and([eb("a.entity_type", "=", "case"), eb("a.entity_id", "in", caseIds)])] : []),
        ...(contactIds.length
          ? [eb.and([eb("a.entity_type", "=", "access_contact"), eb("a.entity_id", "in", contactIds)])]
          : []),
      ]),
    )
    .orderBy("a.at", "desc")
    .limit(500)
    .execute();
  await auditPerson(db, c, "person.access_report", personId, comune, { results: rows.length });
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      userId: r.actor_user_id,
      userName: r.display_name,
      action: r.action,
      purpose: r.purpose,
      outcome: r.outcome,
    })),
  };
}

/** Whether a codice fiscale is known in the Ambito, and whether the caller may open it (for emergencies). */
export async function lookupFiscalCode(db: Db, c: Caller, fiscalCode: string) {
  const row = await db
    .selectFrom("person")
    .select(["id", "comune_istat"])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("fiscal_code", "=", fiscalCode)
    .executeTakeFirst();
  if (!row) {
    await auditPerson(db, c, "person.lookup", null, null, { found: false });
    return { found: false, id: null, comuneIstat: null, accessible: false };
  }
  let accessible = true;
  try {
    await requirePersonAccess(db, c, row.id, "person.lookup");
  } catch {
    accessible = false;
  }
  if (accessible) await auditPerson(db, c, "person.lookup", row.id, row.comune_istat, { found: true });
  return { found: true, id: row.id, comuneIstat: row.comune_istat, accessible };
}
