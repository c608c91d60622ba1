import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { notFound } from "../../platform/errors.ts";
import {
  auditPerson,
  type Caller,
  caseAccess,
  findDetail,
  householdsOf,
  iseeOf,
  requirePersonAccess,
  toPersonDto,
} from "../people/index.ts";
import { assessmentsOf, listForms } from "./assessments.ts";
import { attachmentsOf } from "./attachments.ts";
import { auditCase, requireCase, socialWorkers } from "./case-access.ts";
import { CLOSURE_REASONS } from "./cases.contracts.ts";
import { caseDto } from "./cases.service.ts";
import { notesOf, tasksOf } from "./diary.ts";
import { interventionsOf, referralsOf, waitingOf } from "./interventions.ts";
import { planOf } from "./plans.ts";
import { ensureStandardServiceTypes } from "./service-types.ts";

/** The two screens a social worker lives in: the person's file and the case file. Both audited. */
async function personRow(db: Db, ambitoId: number, id: string) {
  const p = await db
    .selectFrom("person")
    .select([
      "id",
      "comune_istat",
      "fiscal_code",
      "provisional",
      "family_name",
      "given_name",
      "sex",
      "birth_date",
      "citizenship",
    ])
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!p) throw notFound("Person");
  return p;
}

export async function getPersonFile(db: Db, c: Caller, personId: string) {
  const { comune, via } = await requirePersonAccess(db, c, personId, "person.read");
  const a = c.scope.ambitoId;
  const [person, detail, households, isee, cases] = await Promise.all([
    personRow(db, a, personId),
    findDetail(db, a, personId),
    householdsOf(db, a, personId),
    iseeOf(db, a, personId),
    db
      .selectFrom("social_case")
      .select(["id", "comune_istat", "user_area", "status", "opened_on", "closed_on", "responsible_user_id"])
      .where("ambito_id", "=", a)
      .where("person_id", "=", personId)
      .orderBy("opened_on", "desc")
      .execute(),
  ]);
  // Only the cases the caller may open are described; an emergency access opens them all.
  const visible = [];
  for (const k of cases) if (await visibleCase(db, c, k.id)) visible.push(k);
  await auditPerson(db, c, "person.read", personId, comune, { via, view: "file" });
  return {
    person: toPersonDto(person),
    detail: {
      birthPlaceCode: detail?.birth_place_code ?? null,
      citizenshipCode: detail?.citizenship_code ?? null,
      residenceComuneIstat: detail?.residence_comune_istat ?? null,
      residenceAddress: detail?.residence_address ?? null,
      phone: detail?.phone ?? null,
      email: detail?.email ?? null,
      provisionalReason: detail?.provisional_reason ?? null,
    },
    access: via,
    households,
    isee,
    cases: visible.map((k) => ({
      id: k.id,
      comuneIstat: k.comune_istat,
      userArea: k.user_area,
      status: k.status,
      openedOn: k.opened_on,
      closedOn: k.closed_on,
      responsibleUserId: k.responsible_user_id,
    })),
    otherCases: cases.length - visible.length,
  };
}

async function visibleCase(db: Db, c: Caller, caseId: string) {
  const access = await caseAccess(db, c.scope, caseId);
  return access.exists && access.via !== null;
}

export async function getCaseFile(db: Db, c: Caller, caseId: string) {
  const ctx = await requireCase(db, c, caseId, "case.read");
  const a = c.scope.ambitoId;
  const [kase, person, assessments, plan, interventions, notes, attachments, tasks, waiting, referrals] =
    await Promise.all([
      caseDto(db, a, caseId),
      personRow(db, a, ctx.personId),
      assessmentsOf(db, a, caseId),
      planOf(db, a, caseId),
      interventionsOf(db, a, caseId),
      notesOf(db, a, caseId),
      attachmentsOf(db, a, caseId),
      tasksOf(db, a, caseId),
      waitingOf(db, a, caseId),
      referralsOf(db, a, caseId),
    ]);
  await auditCase(db, c, "case.read", caseId, ctx.comune, { via: ctx.via });
  return {
    case: kase,
    person: toPersonDto(person),
    access: ctx.via,
    assessments,
    plan,
    interventions,
    notes,
    attachments,
    tasks,
    waiting,
    referrals,
  };
}

/** What the forms of the Cartella offer: workers, teams, providers, service types, assessment forms. */
export async function caseOptions(db: Db, ambitoId: number) {
  await ensureStandardServiceTypes(db, ambitoId);
  const [workers, teams, organisations, serviceTypes, forms] = await Promise.all([
    socialWorkers(db, ambitoId),
    db
      .selectFrom("team")
      .select(["id", "name", "comune_istat"])
      .where("ambito_id", "=", ambitoId)
      .orderBy("name")
      .execute(),
    db.selectFrom("organisation").select(["id", "name"]).where("ambito_id", "=", ambitoId).orderBy("name").execute(),
    db
      .selectFrom("service_type")
      .select(["id", "code", "name", "siuss_code", "user_area", "unit", "means_tested"])
      .where("ambito_id", "=", ambitoId)
      .where("active", "=", true)
      .orderBy(sql`name`)
      .execute(),
    listForms(db, ambitoId),
  ]);
  return {
    workers,
    teams: teams.map((t) => ({ id: t.id, name: t.name, comuneIstat: t.comune_istat })),
    organisations,
    serviceTypes: serviceTypes.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      siussCode: s.siuss_code,
      userArea: s.user_area,
      unit: s.unit,
      meansTested: s.means_tested,
    })),
    forms,
    closureReasons: [...CLOSURE_REASONS],
  };
}
