import { sql } from "kysely";
import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Caller } from "../people/index.ts";
import { auditCase, requireCase, requireOpen } from "./case-access.ts";
import type {
  interventionBody,
  interventionDto,
  interventionStatusBody,
  referralBody,
  waitingBody,
  waitingDto,
} from "./cases.contracts.ts";

/** Interventions (erogazioni) with their cost shares, waiting lists and referrals of a case. */
type InterventionDto = z.infer<typeof interventionDto>;

const select = (db: Db, ambitoId: number) =>
  db
    .selectFrom("intervention as i")
    .innerJoin("service_type as s", (j) =>
      j.onRef("s.ambito_id", "=", "i.ambito_id").onRef("s.id", "=", "i.service_type_id"),
    )
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.ambito_id", "=", "i.ambito_id").onRef("o.id", "=", "i.provider_org_id"),
    )
    .selectAll("i")
    .select(["s.name as service_name", "s.siuss_code", "o.name as org_name"])
    .where("i.ambito_id", "=", ambitoId);
type Row = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;
const toDto = (r: Row): InterventionDto => ({
  id: r.id,
  serviceTypeId: r.service_type_id,
  serviceName: r.service_name,
  siussCode: r.siuss_code,
  providerOrgId: r.provider_org_id,
  providerName: r.org_name ?? r.provider_name,
  protocol: r.protocol,
  startDate: r.start_date,
  endDate: r.end_date,
  frequency: r.frequency,
  hoursPerPeriod: r.hours_per_period === null ? null : Number(r.hours_per_period),
  amountCents: Number(r.amount_cents),
  shareComuneCents: Number(r.share_comune_cents),
  shareUserCents: Number(r.share_user_cents),
  shareHealthCents: Number(r.share_health_cents),
  vouchersIssued: r.vouchers_issued,
  vouchersUsed: r.vouchers_used,
  status: r.status,
});

export async function interventionsOf(db: Db, ambitoId: number, caseId: string) {
  const rows = await select(db, ambitoId).where("i.case_id", "=", caseId).orderBy("i.start_date", "desc").execute();
  return rows.map(toDto);
}

async function checkRefs(db: Db, ambitoId: number, personId: string, input: z.infer<typeof interventionBody>) {
  const fields: { path: string; message: string }[] = [];
  const type = await db
    .selectFrom("service_type")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", input.serviceTypeId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!type) fields.push({ path: "body.serviceTypeId", message: "not an active service type of this Ambito" });
  if (input.providerOrgId) {
    const org = await db
      .selectFrom("organisation")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("id", "=", input.providerOrgId)
      .executeTakeFirst();
    if (!org) fields.push({ path: "body.providerOrgId", message: "not an organisation of this Ambito" });
  }
  if (input.iseeDeclarationId) {
    const isee = await db
      .selectFrom("isee_declaration")
      .select("id")
      .where("ambito_id", "=", ambitoId)
      .where("id", "=", input.iseeDeclarationId)
      .where("person_id", "=", personId)
      .executeTakeFirst();
    if (!isee) fields.push({ path: "body.iseeDeclarationId", message: "not an ISEE declaration of this person" });
  }
  if (fields.length) throw new AppError("VALIDATION", "The intervention refers to unknown records", fields);
}

export async function addIntervention(db: Db, c: Caller, caseId: string, input: z.infer<typeof interventionBody>) {
  const ctx = await requireCase(db, c, caseId, "intervention.create", "write");
  requireOpen(ctx, "A new intervention");
  await checkRefs(db, c.scope.ambitoId, ctx.personId, input);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("intervention")
      .values({
        ambito_id: c.scope.ambitoId,
        case_id: caseId,
        person_id: ctx.personId,
        service_type_id: input.serviceTypeId,
        comune_istat: ctx.comune,
        provider_org_id: input.providerOrgId ?? null,
        provider_name: input.providerName ?? null,
        protocol: input.protocol ?? null,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        frequency: input.frequency ?? null,
        hours_per_period: input.hoursPerPeriod ?? null,
        amount_cents: input.amountCents,
        share_comune_cents: input.shareComuneCents,
        share_user_cents: input.shareUserCents,
        share_health_cents: input.shareHealthCents,
        vouchers_issued: input.vouchersIssued ?? null,
        vouchers_used: input.vouchersUsed ?? null,
        isee_declaration_id: input.iseeDeclarationId ?? null,
        status: input.status,
        created_by: c.scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditCase(trx, c, "intervention.create", caseId, ctx.comune, {
      intervention: id,
      serviceType: input.serviceTypeId,
    });
    return toDto(await select(trx, c.scope.ambitoId).where("i.id", "=", id).executeTakeFirstOrThrow());
  });
}

export async function updateInterventionStatus(
  db: Db,
  c: Caller,
  interventionId: string,
  input: z.infer<typeof interventionStatusBody>,
) {
  const row = await select(db, c.scope.ambitoId).where("i.id", "=", interventionId).executeTakeFirst();
  if (!row) throw notFound("Intervention");
  const ctx = await requireCase(db, c, row.case_id, "intervention.update", "write");
  if (input.endDate && input.endDate < row.start_date) {
    throw new AppError("VALIDATION", "Ends before it starts", [
      { path: "body.endDate", message: `must not be before the start date ${row.start_date}` },
    ]);
  }
  if (input.vouchersUsed !== undefined && input.vouchersUsed > (row.vouchers_issued ?? 0)) {
    throw new AppError("VALIDATION", "Too many vouchers", [
      { path: "body.vouchersUsed", message: "more than the vouchers issued" },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("intervention")
      .set({
        status: input.status,
        ...(input.endDate ? { end_date: input.endDate } : {}),
        ...(input.vouchersUsed !== undefined ? { vouchers_used: input.vouchersUsed } : {}),
        updated_at: sql`now()`,
      })
      .where("ambito_id", "=", c.scope.ambitoId)
      .where("id", "=", interventionId)
      .execute();
    await auditCase(trx, c, "intervention.update", row.case_id, ctx.comune, {
      intervention: interventionId,
      status: input.status,
    });
    return toDto(await select(trx, c.scope.ambitoId).where("i.id", "=", interventionId).executeTakeFirstOrThrow());
  });
}

/** Waiting-list entries of a case, with the position in the queue of their service type. */
export async function waitingOf(db: Db, ambitoId: number, caseId: string): Promise<z.infer<typeof waitingDto>[]> {
  const rows = await db
    .selectFrom("waiting_list_entry as w")
    .innerJoin("service_type as s", (j) =>
      j.onRef("s.ambito_id", "=", "w.ambito_id").onRef("s.id", "=", "w.service_type_id"),
    )
    .select([
      "w.id",
      "w.service_type_id",
      "s.name",
      "w.person_id",
      "w.case_id",
      "w.requested_on",
      "w.priority",
      "w.status",
      sql<number | null>`case when w.status = 'waiting' then 1 + (select count(*) from waiting_list_entry o
        where o.ambito_id = w.ambito_id and o.service_type_id = w.service_type_id and o.status = 'waiting'
        and (o.priority, o.requested_on, o.created_at) < (w.priority, w.requested_on, w.created_at)) end`.as(
        "position",
      ),
    ])
    .where("w.ambito_id", "=", ambitoId)
    .where("w.case_id", "=", caseId)
    .orderBy("w.requested_on", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    serviceTypeId: r.service_type_id,
    serviceName: r.name,
    personId: r.person_id,
    caseId: r.case_id,
    requestedOn: r.requested_on,
    priority: r.priority,
    status: r.status,
    position: r.position === null ? null : Number(r.position),
  }));
}

export async function addToWaitingList(db: Db, c: Caller, caseId: string, input: z.infer<typeof waitingBody>) {
  const ctx = await requireCase(db, c, caseId, "waiting.create", "write");
  requireOpen(ctx, "A waiting-list entry");
  const type = await db
    .selectFrom("service_type")
    .select("id")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("id", "=", input.serviceTypeId)
    .executeTakeFirst();
  if (!type)
    throw new AppError("VALIDATION", "Unknown service", [
      { path: "body.serviceTypeId", message: "not a service type of this Ambito" },
    ]);
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("waiting_list_entry")
      .values({
        ambito_id: c.scope.ambitoId,
        service_type_id: input.serviceTypeId,
        person_id: ctx.personId,
        case_id: caseId,
        comune_istat: ctx.comune,
        requested_on: input.requestedOn,
        priority: input.priority,
        note: input.note ?? null,
        created_by: c.scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditCase(trx, c, "waiting.create", caseId, ctx.comune, { entry: id, serviceType: input.serviceTypeId });
  });
  return waitingOf(db, c.scope.ambitoId, caseId);
}

export async function referralsOf(db: Db, ambitoId: number, caseId: string) {
  const rows = await db
    .selectFrom("referral")
    .select(["id", "to_service", "referred_on", "status", "note"])
    .where("ambito_id", "=", ambitoId)
    .where("case_id", "=", caseId)
    .orderBy("referred_on", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    toService: r.to_service,
    referredOn: r.referred_on,
    status: r.status,
    note: r.note,
  }));
}

export async function addReferral(db: Db, c: Caller, caseId: string, input: z.infer<typeof referralBody>) {
  const ctx = await requireCase(db, c, caseId, "referral.create", "write");
  const org = input.toOrgId
    ? await db
        .selectFrom("organisation")
        .select("id")
        .where("ambito_id", "=", c.scope.ambitoId)
        .where("id", "=", input.toOrgId)
        .executeTakeFirst()
    : true;
  if (!org) {
    throw new AppError("VALIDATION", "Unknown organisation", [
      { path: "body.toOrgId", message: "not an organisation of this Ambito" },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("referral")
      .values({
        ambito_id: c.scope.ambitoId,
        case_id: caseId,
        to_service: input.toService,
        to_org_id: input.toOrgId ?? null,
        referred_on: input.referredOn,
        note: input.note ?? null,
        created_by: c.scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditCase(trx, c, "referral.create", caseId, ctx.comune, { referral: id });
  });
  return referralsOf(db, c.scope.ambitoId, caseId);
}
