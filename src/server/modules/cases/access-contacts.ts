import { sql } from "kysely";
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { inScope } from "../../platform/auth/access.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { type Caller, requirePersonAccess } from "../people/index.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import type { accessContactBody, accessContactDto, accessCountsQuery, accessListQuery } from "./cases.contracts.ts";

/** Segretariato sociale and PUA: every contact, its outcome and (at the PUA) its routing. */
type AccessContactDto = z.infer<typeof accessContactDto>;

const audit = (db: Db, c: Caller, action: string, id: string | null, comune: string | null, details = {}) =>
  recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action,
    entityType: "access_contact",
    entityId: id,
    comuneIstat: comune,
    purpose: c.purpose,
    ip: c.ip,
    details,
  });

const select = (db: Db) =>
  db
    .selectFrom("access_contact as a")
    .innerJoin("app_user as u", "u.id", "a.answered_by")
    .select([
      "a.id",
      "a.person_id",
      "a.comune_istat",
      "a.point",
      "a.channel",
      "a.contact_date",
      "a.request",
      "a.need_area",
      "a.answered_by",
      "u.display_name",
      "a.outcome",
      "a.pua_routing",
      "a.referred_to",
      "a.case_id",
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;
const toDto = (r: Row): AccessContactDto => ({
  id: r.id,
  personId: r.person_id,
  comuneIstat: r.comune_istat,
  point: r.point,
  channel: r.channel,
  contactDate: r.contact_date,
  request: r.request,
  needArea: r.need_area,
  answeredBy: r.answered_by,
  answeredByName: r.display_name,
  outcome: r.outcome,
  puaRouting: r.pua_routing,
  referredTo: r.referred_to,
  caseId: r.case_id,
});

export async function recordAccess(db: Db, c: Caller, input: z.infer<typeof accessContactBody>) {
  if (!(await isComuneOfAmbito(db, c.scope.ambitoId, input.comuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.comuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  if (!inScope(c.scope, input.comuneIstat)) throw forbidden("You record contacts only for the Comuni you work for");
  if (input.personId) {
    const p = await requirePersonAccess(db, c, input.personId, "access.create");
    if (p.via === "emergency") throw forbidden("An emergency access lets you read the file, not change it");
  }
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("access_contact")
      .values({
        ambito_id: c.scope.ambitoId,
        person_id: input.personId ?? null,
        comune_istat: input.comuneIstat,
        point: input.point,
        channel: input.channel,
        contact_date: input.contactDate,
        request: input.request,
        need_area: input.needArea ?? null,
        answered_by: c.scope.userId,
        outcome: input.outcome,
        pua_routing: input.puaRouting ?? null,
        referred_to: input.referredTo ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, c, "access.create", id, input.comuneIstat, {
      person: input.personId ?? null,
      outcome: input.outcome,
      point: input.point,
    });
    return toDto(
      await select(trx).where("a.ambito_id", "=", c.scope.ambitoId).where("a.id", "=", id).executeTakeFirstOrThrow(),
    );
  });
}

/** Contacts of the caller's Comuni, newest first. */
export async function listAccess(db: Db, c: Caller, f: z.infer<typeof accessListQuery>, personId?: string) {
  if (f.comuneIstat && !inScope(c.scope, f.comuneIstat)) throw forbidden("This Comune is outside your assignment");
  let q = select(db).where("a.ambito_id", "=", c.scope.ambitoId);
  if (personId) q = q.where("a.person_id", "=", personId);
  else if (c.scope.comuni !== "all") q = q.where("a.comune_istat", "in", c.scope.comuni.length ? c.scope.comuni : [""]);
  if (f.comuneIstat) q = q.where("a.comune_istat", "=", f.comuneIstat);
  if (f.from) q = q.where("a.contact_date", ">=", f.from);
  if (f.to) q = q.where("a.contact_date", "<=", f.to);
  const rows = await q
    .orderBy("a.contact_date", "desc")
    .orderBy("a.created_at", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  await audit(db, c, "access.list", null, f.comuneIstat ?? null, { results: rows.length, person: personId ?? null });
  return { items: rows.map(toDto) };
}

/** Counts for the indicators (no personal data): contacts by Comune, point, outcome and routing. */
export async function accessCounts(db: Db, c: Caller, f: z.infer<typeof accessCountsQuery>) {
  if (f.to < f.from) {
    throw new AppError("VALIDATION", "Empty period", [{ path: "querystring.to", message: "must not be before from" }]);
  }
  let q = db
    .selectFrom("access_contact")
    .select(["comune_istat", "point", "outcome", "pua_routing", sql<number>`count(*)::int`.as("contacts")])
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("contact_date", ">=", f.from)
    .where("contact_date", "<=", f.to);
  if (c.scope.comuni !== "all") q = q.where("comune_istat", "in", c.scope.comuni.length ? c.scope.comuni : [""]);
  const rows = await q.groupBy(["comune_istat", "point", "outcome", "pua_routing"]).orderBy("comune_istat").execute();
  return {
    items: rows.map((r) => ({
      comuneIstat: r.comune_istat,
      point: r.point,
      outcome: r.outcome,
      puaRouting: r.pua_routing,
      contacts: Number(r.contacts),
    })),
  };
}
