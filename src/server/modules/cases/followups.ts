import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Caller } from "../people/index.ts";
import { auditCase, requireCase } from "./case-access.ts";
import { referralsOf, waitingOf } from "./interventions.ts";

/**
 * What happens after a waiting-list entry or a referral is recorded: the entry is offered,
 * admitted or withdrawn (the worker's "remove"), the referral accepted, refused or completed;
 * and the worker's own waiting entries across the caseload for the agenda.
 */
export const WAITING_UPDATES = ["offered", "admitted", "withdrawn"] as const;
export const REFERRAL_STATUS = ["sent", "accepted", "refused", "completed"] as const;
export const waitingStatusBody = z.object({
  status: z.enum(WAITING_UPDATES),
  admittedOn: z.iso.date().optional(),
});
export const referralStatusBody = z.object({ status: z.enum(REFERRAL_STATUS) });
export const myWaitingDto = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  serviceName: z.string(),
  requestedOn: z.string(),
  priority: z.number().int(),
  status: z.string(),
  position: z.number().int().nullable(),
});

/** Entries that left the queue stay as history; only waiting or offered ones can still move. */
const OPEN_WAITING = new Set(["waiting", "offered"]);

export async function updateWaiting(db: Db, c: Caller, entryId: string, input: z.infer<typeof waitingStatusBody>) {
  const a = c.scope.ambitoId;
  const row = await db
    .selectFrom("waiting_list_entry")
    .select(["case_id", "status", "requested_on"])
    .where("ambito_id", "=", a)
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!row?.case_id) throw notFound("Waiting-list entry");
  const ctx = await requireCase(db, c, row.case_id, "waiting.update", "write");
  if (!OPEN_WAITING.has(row.status)) throw new AppError("CONFLICT", `The entry is already ${row.status}`);
  if (input.status === "admitted" && input.admittedOn && input.admittedOn < row.requested_on) {
    throw new AppError("VALIDATION", "Admitted before the request", [
      { path: "body.admittedOn", message: `must not be before the request date ${row.requested_on}` },
    ]);
  }
  const admittedOn = input.status === "admitted" ? (input.admittedOn ?? new Date().toISOString().slice(0, 10)) : null;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("waiting_list_entry")
      .set({ status: input.status, admitted_on: admittedOn })
      .where("ambito_id", "=", a)
      .where("id", "=", entryId)
      .execute();
    await auditCase(trx, c, "waiting.update", ctx.id, ctx.comune, { entry: entryId, status: input.status });
  });
  return waitingOf(db, a, ctx.id);
}

export async function updateReferral(db: Db, c: Caller, referralId: string, input: z.infer<typeof referralStatusBody>) {
  const a = c.scope.ambitoId;
  const row = await db
    .selectFrom("referral")
    .select(["case_id", "status"])
    .where("ambito_id", "=", a)
    .where("id", "=", referralId)
    .executeTakeFirst();
  if (!row) throw notFound("Referral");
  const ctx = await requireCase(db, c, row.case_id, "referral.update", "write");
  if (row.status === input.status) throw new AppError("CONFLICT", `The referral is already ${input.status}`);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("referral")
      .set({ status: input.status })
      .where("ambito_id", "=", a)
      .where("id", "=", referralId)
      .execute();
    await auditCase(trx, c, "referral.update", ctx.id, ctx.comune, { referral: referralId, status: input.status });
  });
  return referralsOf(db, a, ctx.id);
}

/** Waiting or offered entries of the open cases the caller is responsible for, with their queue position. */
export async function myWaiting(db: Db, c: Caller): Promise<{ items: z.infer<typeof myWaitingDto>[] }> {
  const a = c.scope.ambitoId;
  const rows = await db
    .selectFrom("waiting_list_entry as w")
    .innerJoin("social_case as k", (j) => j.onRef("k.ambito_id", "=", "w.ambito_id").onRef("k.id", "=", "w.case_id"))
    .innerJoin("person as p", (j) => j.onRef("p.ambito_id", "=", "k.ambito_id").onRef("p.id", "=", "k.person_id"))
    .innerJoin("service_type as s", (j) =>
      j.onRef("s.ambito_id", "=", "w.ambito_id").onRef("s.id", "=", "w.service_type_id"),
    )
    .select([
      "w.id",
      "k.id as case_id",
      "p.family_name",
      "p.given_name",
      "s.name",
      "w.requested_on",
      "w.priority",
      "w.status",
      sql<number | null>`case when w.status = 'waiting' then 1 + (select count(*) from waiting_list_entry o
        where o.ambito_id = w.ambito_id and o.service_type_id = w.service_type_id and o.status = 'waiting'
        and (o.priority, o.requested_on, o.created_at) < (w.priority, w.requested_on, w.created_at)) end`.as(
        "position",
      ),
    ])
    .where("w.ambito_id", "=", a)
    .where("w.status", "in", ["waiting", "offered"])
    .where("k.status", "!=", "closed")
    .where("k.responsible_user_id", "=", c.scope.userId)
    .orderBy("w.priority")
    .orderBy("w.requested_on")
    .limit(100)
    .execute();
  await auditCase(db, c, "waiting.list", null, null, {
    results: rows.length,
    ids: [...new Set(rows.map((r) => r.case_id))].join(","),
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      familyName: r.family_name,
      givenName: r.given_name,
      serviceName: r.name,
      requestedOn: r.requested_on,
      priority: r.priority,
      status: r.status,
      position: r.position === null ? null : Number(r.position),
    })),
  };
}
