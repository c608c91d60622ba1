import type { z } from "zod";
import type { Db } from "../../db/database.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import {
  type householdBody,
  type householdDto,
  type householdMemberBody,
  type iseeBody,
  type iseeDto,
  today,
} from "./people.contracts.ts";
import { auditPerson, type Caller, requirePersonAccess } from "./people.service.ts";

/** Households (nucleo familiare) and ISEE declarations of a person. */
type HouseholdDto = z.infer<typeof householdDto>;
type IseeDto = z.infer<typeof iseeDto>;

/** Current households of a person, with their current members. */
export async function householdsOf(db: Db, ambitoId: number, personId: string): Promise<HouseholdDto[]> {
  const rows = await db
    .selectFrom("household_member as mine")
    .innerJoin("household as h", (j) =>
      j.onRef("h.ambito_id", "=", "mine.ambito_id").onRef("h.id", "=", "mine.household_id"),
    )
    .innerJoin("household_member as m", (j) =>
      j.onRef("m.ambito_id", "=", "h.ambito_id").onRef("m.household_id", "=", "h.id"),
    )
    .innerJoin("person as p", (j) => j.onRef("p.ambito_id", "=", "m.ambito_id").onRef("p.id", "=", "m.person_id"))
    .select([
      "h.id",
      "h.comune_istat",
      "h.address",
      "m.person_id",
      "m.relation",
      "m.from_date",
      "p.family_name",
      "p.given_name",
      "p.birth_date",
    ])
    .where("mine.ambito_id", "=", ambitoId)
    .where("mine.person_id", "=", personId)
    .where("mine.to_date", "is", null)
    .where("m.to_date", "is", null)
    .orderBy("h.id")
    .orderBy("m.from_date")
    .execute();
  const byId = new Map<string, HouseholdDto>();
  for (const r of rows) {
    let h = byId.get(r.id);
    if (!h) {
      h = { id: r.id, comuneIstat: r.comune_istat, address: r.address, members: [] };
      byId.set(r.id, h);
    }
    h.members.push({
      personId: r.person_id,
      familyName: r.family_name,
      givenName: r.given_name,
      birthDate: r.birth_date,
      relation: r.relation,
      fromDate: r.from_date,
    });
  }
  return [...byId.values()];
}

export async function createHousehold(db: Db, c: Caller, input: z.infer<typeof householdBody>) {
  if (!(await isComuneOfAmbito(db, c.scope.ambitoId, input.comuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.comuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  const ids = input.members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) {
    throw new AppError("VALIDATION", "A person is listed twice", [
      { path: "body.members", message: "duplicate person" },
    ]);
  }
  const comuni = new Map<string, string>();
  for (const id of ids) comuni.set(id, (await requirePersonAccess(db, c, id, "household.create")).comune);
  return db.transaction().execute(async (trx) => {
    const h = await trx
      .insertInto("household")
      .values({
        ambito_id: c.scope.ambitoId,
        comune_istat: input.comuneIstat,
        address: input.address ?? null,
        created_by: c.scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const m of input.members) {
      await trx
        .insertInto("household_member")
        .values({
          ambito_id: c.scope.ambitoId,
          household_id: h.id,
          person_id: m.personId,
          relation: m.relation,
          from_date: m.fromDate ?? today(),
        })
        .execute();
      await auditPerson(trx, c, "household.member_add", m.personId, comuni.get(m.personId) ?? null, {
        household: h.id,
        relation: m.relation,
      });
    }
    return { id: h.id };
  });
}

export async function addHouseholdMember(
  db: Db,
  c: Caller,
  householdId: string,
  input: z.infer<typeof householdMemberBody>,
) {
  const h = await db
    .selectFrom("household_member")
    .select("person_id")
    .where("ambito_id", "=", c.scope.ambitoId)
    .where("household_id", "=", householdId)
    .where("to_date", "is", null)
    .execute();
  if (h.length === 0) throw notFound("Household");
  // The caller must be able to open the file of a current member and of the person added.
  let allowed = false;
  for (const m of h) {
    try {
      await requirePersonAccess(db, c, m.person_id, "household.read");
      allowed = true;
      break;
    } catch {}
  }
  if (!allowed) throw notFound("Household");
  const { comune } = await requirePersonAccess(db, c, input.personId, "household.member_add");
  if (h.some((m) => m.person_id === input.personId)) {
    throw new AppError("CONFLICT", "This person is already a member of the household");
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("household_member")
      .values({
        ambito_id: c.scope.ambitoId,
        household_id: householdId,
        person_id: input.personId,
        relation: input.relation,
        from_date: input.fromDate ?? today(),
      })
      .execute();
    await auditPerson(trx, c, "household.member_add", input.personId, comune, {
      household: householdId,
      relation: input.relation,
    });
  });
}

type IseeRow = {
  id: string;
  kind: IseeDto["kind"];
  value_cents: number;
  dsu_protocol: string | null;
  dsu_date: string | null;
  valid_from: string;
  valid_to: string;
};
const toIsee = (r: IseeRow, on: string): IseeDto => ({
  id: r.id,
  kind: r.kind,
  valueCents: Number(r.value_cents),
  dsuProtocol: r.dsu_protocol,
  dsuDate: r.dsu_date,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  current: r.valid_from <= on && on <= r.valid_to,
});

export async function iseeOf(db: Db, ambitoId: number, personId: string): Promise<IseeDto[]> {
  const rows = await db
    .selectFrom("isee_declaration")
    .select(["id", "kind", "value_cents", "dsu_protocol", "dsu_date", "valid_from", "valid_to"])
    .where("ambito_id", "=", ambitoId)
    .where("person_id", "=", personId)
    .orderBy("valid_to", "desc")
    .limit(20)
    .execute();
  const on = today();
  return rows.map((r) => toIsee(r, on));
}

export async function addIsee(db: Db, c: Caller, personId: string, input: z.infer<typeof iseeBody>): Promise<IseeDto> {
  const { comune } = await requirePersonAccess(db, c, personId, "isee.create");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("isee_declaration")
      .values({
        ambito_id: c.scope.ambitoId,
        person_id: personId,
        kind: input.kind,
        value_cents: input.valueCents,
        dsu_protocol: input.dsuProtocol ?? null,
        dsu_date: input.dsuDate ?? null,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        created_by: c.scope.userId,
      })
      .returning(["id", "kind", "value_cents", "dsu_protocol", "dsu_date", "valid_from", "valid_to"])
      .executeTakeFirstOrThrow();
    // The ISEE value never goes to the audit log.
    await auditPerson(trx, c, "isee.create", personId, comune, { isee: row.id });
    return toIsee(row, today());
  });
}
