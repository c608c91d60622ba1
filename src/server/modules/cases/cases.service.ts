import { sql } from "kysely";
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { inScope } from "../../platform/auth/access.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { type Caller, requirePersonAccess } from "../people/index.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import { auditCase, requireCase, requireWorker } from "./case-access.ts";
import type {
  CaseDto,
  casesQuery,
  closeBody,
  openCaseBody,
  reopenBody,
  statusBody,
  transferBody,
} from "./cases.contracts.ts";
import type { CaseStatus, UserArea } from "./schema.ts";

/** The presa in carico: open, suspend/resume, transfer between Comuni, close with a reason, reopen. */
export const SIUSS_AREA_OF: Record<UserArea, 1 | 2 | 3> = {
  famiglia_minori: 1,
  disabili: 2,
  anziani: 2,
  dipendenze: 3,
  immigrati: 3,
  poverta_disagio_adulti: 3,
  multiutenza: 3,
};

async function logStatus(
  db: Db,
  c: Caller,
  caseId: string,
  from: CaseStatus | null,
  to: CaseStatus,
  reason: string | null,
) {
  await db
    .insertInto("case_status_change")
    .values({
      ambito_id: c.scope.ambitoId,
      case_id: caseId,
      from_status: from,
      to_status: to,
      reason,
      changed_by: c.scope.userId,
    })
    .execute();
}

export async function openCase(db: Db, c: Caller, input: z.infer<typeof openCaseBody>) {
  if (!(await isComuneOfAmbito(db, c.scope.ambitoId, input.comuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.comuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  if (!inScope(c.scope, input.comuneIstat)) throw forbidden("You can open cases only for the Comuni you work for");
  const person = await requirePersonAccess(db, c, input.personId, "case.open");
  if (person.via === "emergency") throw forbidden("An emergency access lets you read the file, not change it");
  const responsible = input.responsibleUserId ?? c.scope.userId;
  await requireWorker(db, c.scope.ambitoId, responsible, "body.responsibleUserId", input.comuneIstat);
  for (const [i, id] of input.teamUserIds.entries())
    await requireWorker(db, c.scope.ambitoId, id, `body.teamUserIds.${i}`);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("social_case")
      .values({
        ambito_id: c.scope.ambitoId,
        person_id: input.personId,
        comune_istat: input.comuneIstat,
        responsible_user_id: responsible,
        team_id: input.teamId ?? null,
        user_area: input.userArea,
        siuss_area: input.siussArea ?? SIUSS_AREA_OF[input.userArea],
        level: input.level,
        opened_on: input.openedOn,
        access_contact_id: input.accessContactId ?? null,
        created_by: c.scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const team = new Map<number, "responsible" | "member">([[responsible, "responsible"]]);
    for (const id of input.teamUserIds) if (!team.has(id)) team.set(id, "member");
    await trx
      .insertInto("case_team_member")
      .values([...team].map(([user_id, role]) => ({ ambito_id: c.scope.ambitoId, case_id: row.id, user_id, role })))
      .execute();
    if (input.accessContactId) {
      const linked = await trx
        .updateTable("access_contact")
        .set({ case_id: row.id })
        .where("ambito_id", "=", c.scope.ambitoId)
        .where("id", "=", input.accessContactId)
        .where("person_id", "=", input.personId)
        .executeTakeFirst();
      if (Number(linked.numUpdatedRows) !== 1) {
        throw new AppError("VALIDATION", "Unknown access contact", [
          { path: "body.accessContactId", message: "not an access contact of this person" },
        ]);
      }
    }
    await logStatus(trx, c, row.id, null, "open", null);
    await auditCase(trx, c, "case.open", row.id, input.comuneIstat, {
      person: input.personId,
      area: input.userArea,
      level: input.level,
    });
    return { id: row.id };
  });
}

export async function changeStatus(db: Db, c: Caller, caseId: string, input: z.infer<typeof statusBody>) {
  const ctx = await requireCase(db, c, caseId, "case.status", "manage");
  if (ctx.status === "closed") throw new AppError("CONFLICT", "The case is closed: reopen it instead");
  if (ctx.status === input.status) throw new AppError("CONFLICT", `The case is already ${input.status}`);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("social_case")
      .set({ status: input.status, updated_at: sql`now()` })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", caseId)
      .execute();
    await logStatus(trx, c, caseId, ctx.status, input.status, input.reason);
    await auditCase(trx, c, "case.status", caseId, ctx.comune, { from: ctx.status, to: input.status });
  });
}

export async function closeCase(db: Db, c: Caller, caseId: string, input: z.infer<typeof closeBody>) {
  const ctx = await requireCase(db, c, caseId, "case.close", "manage");
  if (ctx.status === "closed") throw new AppError("CONFLICT", "The case is already closed");
  const opened = await db
    .selectFrom("social_case")
    .select("opened_on")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  if (input.closedOn < opened.opened_on) {
    throw new AppError("VALIDATION", "Closed before it was opened", [
      { path: "body.closedOn", message: `must not be before the opening date ${opened.opened_on}` },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("social_case")
      .set({
        status: "closed",
        closed_on: input.closedOn,
        closure_reason: input.reason,
        closure_note: input.note ?? null,
        updated_at: sql`now()`,
      })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", caseId)
      .execute();
    await logStatus(trx, c, caseId, ctx.status, "closed", input.reason);
    await auditCase(trx, c, "case.close", caseId, ctx.comune, { reason: input.reason });
  });
}

export async function reopenCase(db: Db, c: Caller, caseId: string, input: z.infer<typeof reopenBody>) {
  const ctx = await requireCase(db, c, caseId, "case.reopen", "manage");
  if (ctx.status !== "closed") throw new AppError("CONFLICT", "Only a closed case can be reopened");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("social_case")
      .set({ status: "open", closed_on: null, closure_reason: null, closure_note: null, updated_at: sql`now()` })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", caseId)
      .execute();
    await logStatus(trx, c, caseId, "closed", "open", input.reason);
    await auditCase(trx, c, "case.reopen", caseId, ctx.comune);
  });
}

/** Hands the case (and the person) over to another Comune of the Ambito and its social worker. */
export async function transferCase(db: Db, c: Caller, caseId: string, input: z.infer<typeof transferBody>) {
  const ctx = await requireCase(db, c, caseId, "case.transfer", "manage");
  if (ctx.status === "closed") throw new AppError("CONFLICT", "A closed case cannot be transferred");
  if (!(await isComuneOfAmbito(db, c.scope.ambitoId, input.toComuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.toComuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  if (input.toComuneIstat === ctx.comune) {
    throw new AppError("VALIDATION", "Same Comune", [
      { path: "body.toComuneIstat", message: "the case is already here" },
    ]);
  }
  await requireWorker(db, c.scope.ambitoId, input.toUserId, "body.toUserId", input.toComuneIstat);
  await db.transaction().execute(async (trx) => {
    const a = c.scope.ambitoId;
    await trx
      .insertInto("case_transfer")
      .values({
        ambito_id: a,
        case_id: caseId,
        from_comune_istat: ctx.comune,
        to_comune_istat: input.toComuneIstat,
        from_user_id: ctx.responsibleUserId,
        to_user_id: input.toUserId,
        reason: input.reason,
        transferred_by: c.scope.userId,
      })
      .execute();
    await trx
      .updateTable("social_case")
      .set({ comune_istat: input.toComuneIstat, responsible_user_id: input.toUserId, updated_at: sql`now()` })
      .where("ambito_id", "=", a)
      .where("id", "=", caseId)
      .execute();
    // The former responsible leaves the team; the new one takes the lead.
    await trx
      .deleteFrom("case_team_member")
      .where("ambito_id", "=", a)
      .where("case_id", "=", caseId)
      .where((eb) => eb.or([eb("role", "=", "responsible"), eb("user_id", "=", input.toUserId)]))
      .execute();
    await trx
      .insertInto("case_team_member")
      .values({ ambito_id: a, case_id: caseId, user_id: input.toUserId, role: "responsible" })
      .execute();
    // The former responsible's open reminders follow the case: they could no longer open it.
    await trx
      .updateTable("task")
      .set({ assigned_to: input.toUserId })
      .where("ambito_id", "=", a)
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .where("assigned_to", "=", ctx.responsibleUserId)
      .execute();
    await trx
      .updateTable("person")
      .set({ comune_istat: input.toComuneIstat, updated_at: sql`now()` })
      .where("ambito_id", "=", a)
      .where("id", "=", ctx.personId)
      .execute();
    await auditCase(trx, c, "case.transfer", caseId, ctx.comune, { to: input.toComuneIstat, toUser: input.toUserId });
  });
}

export async function addTeamMember(db: Db, c: Caller, caseId: string, userId: number) {
  const ctx = await requireCase(db, c, caseId, "case.team_add", "manage");
  await requireWorker(db, c.scope.ambitoId, userId, "body.userId");
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("case_team_member")
      .values({ ambito_id: c.scope.ambitoId, case_id: caseId, user_id: userId, role: "member" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await auditCase(trx, c, "case.team_add", caseId, ctx.comune, { user: userId });
  });
}

/** The case with team, status history and transfers (the caller's access is already checked). */
export async function caseDto(db: Db, ambitoId: number, caseId: string): Promise<CaseDto> {
  const row = await db
    .selectFrom("social_case as c")
    .innerJoin("app_user as u", "u.id", "c.responsible_user_id")
    .selectAll("c")
    .select("u.display_name as responsible_name")
    .where("c.ambito_id", "=", ambitoId)
    .where("c.id", "=", caseId)
    .executeTakeFirstOrThrow();
  const [team, history, transfers] = await Promise.all([
    db
      .selectFrom("case_team_member as m")
      .innerJoin("app_user as u", "u.id", "m.user_id")
      .select(["m.user_id", "u.display_name", "m.role"])
      .where("m.ambito_id", "=", ambitoId)
      .where("m.case_id", "=", caseId)
      .orderBy("m.role", "desc")
      .orderBy("u.display_name")
      .execute(),
    db
      .selectFrom("case_status_change as s")
      .leftJoin("app_user as u", "u.id", "s.changed_by")
      .select(["s.from_status", "s.to_status", "s.reason", "s.changed_at", "u.display_name"])
      .where("s.ambito_id", "=", ambitoId)
      .where("s.case_id", "=", caseId)
      .orderBy("s.id")
      .execute(),
    db
      .selectFrom("case_transfer")
      .select(["from_comune_istat", "to_comune_istat", "reason", "transferred_at"])
      .where("ambito_id", "=", ambitoId)
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute(),
  ]);
  return {
    id: row.id,
    personId: row.person_id,
    comuneIstat: row.comune_istat,
    responsibleUserId: row.responsible_user_id,
    responsibleName: row.responsible_name,
    teamId: row.team_id,
    team: team.map((m) => ({ userId: m.user_id, name: m.display_name, role: m.role })),
    userArea: row.user_area,
    siussArea: row.siuss_area,
    level: row.level,
    status: row.status,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    closureReason: row.closure_reason,
    closureNote: row.closure_note,
    history: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      reason: h.reason,
      at: new Date(h.changed_at).toISOString(),
      byName: h.display_name,
    })),
    transfers: transfers.map((t) => ({
      fromComuneIstat: t.from_comune_istat,
      toComuneIstat: t.to_comune_istat,
      reason: t.reason,
      at: new Date(t.transferred_at).toISOString(),
    })),
  };
}

/** Cases of the caller's Comuni (or of which the caller is on the team): the worker's caseload. */
export async function listCases(db: Db, c: Caller, f: z.infer<typeof casesQuery>) {
  if (f.comuneIstat && !inScope(c.scope, f.comuneIstat)) throw forbidden("This Comune is outside your assignment");
  let q = db
    .selectFrom("social_case as c")
    .innerJoin("person", (j) => j.onRef("person.ambito_id", "=", "c.ambito_id").onRef("person.id", "=", "c.person_id"))
    .innerJoin("app_user as u", "u.id", "c.responsible_user_id")
    .select([
      "c.id",
      "c.person_id",
      "person.family_name",
      "person.given_name",
      "c.comune_istat",
      "c.user_area",
      "c.status",
      "c.opened_on",
      "u.display_name",
      sql<number>`count(*) over ()`.as("total"),
    ])
    .where("c.ambito_id", "=", c.scope.ambitoId);
  const comuni = c.scope.comuni;
  if (comuni !== "all") {
    q = q.where((eb) =>
      eb.or([
        ...(comuni.length ? [eb("c.comune_istat", "in", comuni)] : []),
        eb.exists(
          eb
            .selectFrom("case_team_member as m")
            .select("m.user_id")
            .whereRef("m.ambito_id", "=", "c.ambito_id")
            .whereRef("m.case_id", "=", "c.id")
            .where("m.user_id", "=", c.scope.userId),
        ),
      ]),
    );
  }
  if (f.personId) q = q.where("c.person_id", "=", f.personId);
  if (f.comuneIstat) q = q.where("c.comune_istat", "=", f.comuneIstat);
  if (f.status) q = q.where("c.status", "=", f.status);
  if (f.mine === "true") q = q.where("c.responsible_user_id", "=", c.scope.userId);
  const rows = await q.orderBy("c.opened_on", "desc").orderBy("c.id").limit(f.limit).offset(f.offset).execute();
  await auditCase(db, c, "case.list", null, f.comuneIstat ?? null, {
    results: rows.length,
    ids: rows.map((r) => r.id).join(","),
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      familyName: r.family_name,
      givenName: r.given_name,
      comuneIstat: r.comune_istat,
      userArea: r.user_area,
      status: r.status,
      openedOn: r.opened_on,
      responsibleName: r.display_name,
    })),
    total: rows[0]?.total ?? 0,
  };
}
