import type { z } from "zod";
import type { PersonDto } from "../../../shared/contracts/people.ts";
import { decodeFiscalCode } from "../../../shared/fiscal-code.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { type AccessScope, inScope } from "../../platform/auth/access.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import { type FileAccessVia, personAccess } from "./file-access.ts";
import type { CreatePersonInput, personDetailFields, updatePersonBody } from "./people.contracts.ts";
import * as repo from "./people.repo.ts";
import { searchPeople } from "./people-search.ts";

export interface Caller {
  scope: AccessScope;
  ip: string | null;
  purpose: string;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
export const toPersonDto = (p: Row): PersonDto => ({
  id: p.id,
  comuneIstat: p.comune_istat,
  fiscalCode: p.fiscal_code,
  provisional: p.provisional,
  familyName: p.family_name,
  givenName: p.given_name,
  sex: p.sex,
  birthDate: p.birth_date,
  citizenship: p.citizenship,
});

/** One audit entry about a person's data: ids and codes only in details, never names or CF. */
export const auditPerson = (
  db: Db,
  c: Caller,
  action: string,
  entityId: string | null,
  comune: string | null,
  details: Record<string, string | number | boolean | null> = {},
  outcome: "ok" | "denied" = "ok",
) =>
  recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action,
    entityType: "person",
    entityId,
    comuneIstat: comune,
    purpose: c.purpose,
    outcome,
    ip: c.ip,
    details,
  });

/**
 * The caller may open this person's file, or 403 (audited as denied: the UI then offers to ask
 * for a grant or to open an emergency access) / 404 when there is no such person.
 */
export async function requirePersonAccess(
  db: Db,
  c: Caller,
  personId: string,
  action: string,
): Promise<{ comune: string; via: FileAccessVia }> {
  const access = await personAccess(db, c.scope, personId);
  if (!access.exists) throw notFound("Person");
  if (!access.via) {
    await auditPerson(db, c, action, personId, access.comune, {}, "denied");
    throw forbidden("This person is in the care of another Comune");
  }
  return { comune: access.comune, via: access.via };
}

export async function listPeople(
  db: Db,
  c: Caller,
  f: { q?: string; comuneIstat?: string; limit: number; offset: number },
) {
  if (f.comuneIstat && !inScope(c.scope, f.comuneIstat)) throw forbidden("This Comune is outside your assignment");
  const { rows, total, totalCapped } = await searchPeople(db, c.scope, f);
  // A search reveals who is known to the social services: the read is logged with the ids returned.
  await auditPerson(db, c, "person.search", null, f.comuneIstat ?? null, {
    results: rows.length,
    ids: rows.map((r) => r.id).join(","),
  });
  // totalCapped: there are more than `total` matches (not all counted, a refinement is due).
  return { items: rows.map(toPersonDto), total, totalCapped };
}

export async function getPerson(db: Db, c: Caller, id: string): Promise<PersonDto> {
  const { comune, via } = await requirePersonAccess(db, c, id, "person.read");
  const row = await repo.findPerson(db, c.scope.ambitoId, id);
  if (!row) throw notFound("Person");
  await auditPerson(db, c, "person.read", row.id, comune, { via });
  return toPersonDto(row);
}

type DetailInput = Partial<{ [K in keyof typeof personDetailFields]: z.infer<(typeof personDetailFields)[K]> }>;
const detailValues = (d: DetailInput): repo.DetailValues => {
  const out: repo.DetailValues = {};
  if (d.birthPlaceCode !== undefined) out.birth_place_code = d.birthPlaceCode;
  if (d.citizenshipCode !== undefined) out.citizenship_code = d.citizenshipCode;
  if (d.residenceComuneIstat !== undefined) out.residence_comune_istat = d.residenceComuneIstat;
  if (d.residenceAddress !== undefined) out.residence_address = d.residenceAddress;
  if (d.phone !== undefined) out.phone = d.phone;
  if (d.email !== undefined) out.email = d.email;
  if (d.provisionalReason !== undefined) out.provisional_reason = d.provisionalReason;
  return out;
};

async function checkResidence(db: Db, comune: string | undefined) {
  if (!comune) return;
  const found = await db.selectFrom("comune").select("istat_code").where("istat_code", "=", comune).executeTakeFirst();
  if (!found) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.residenceComuneIstat", message: "not an ISTAT Comune code" },
    ]);
  }
}

function checkBirthDate(fiscalCode: string | undefined, birthDate: string | undefined) {
  const decoded = fiscalCode ? decodeFiscalCode(fiscalCode) : null;
  if (decoded && birthDate && decoded.birthDate !== birthDate) {
    throw new AppError("VALIDATION", "Birth date and codice fiscale disagree", [
      { path: "body.birthDate", message: "does not match the date encoded in the codice fiscale" },
    ]);
  }
  return decoded;
}

export async function createPerson(db: Db, c: Caller, input: CreatePersonInput): Promise<PersonDto> {
  if (!(await isComuneOfAmbito(db, c.scope.ambitoId, input.comuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.comuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  if (!inScope(c.scope, input.comuneIstat)) throw forbidden("This Comune is outside your assignment");
  const decoded = checkBirthDate(input.fiscalCode, input.birthDate);
  await checkResidence(db, input.residenceComuneIstat);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertPerson(trx, {
      ambito_id: c.scope.ambitoId,
      comune_istat: input.comuneIstat,
      fiscal_code: input.fiscalCode ?? null,
      provisional: input.provisional && !input.fiscalCode,
      family_name: input.familyName,
      given_name: input.givenName,
      sex: input.sex ?? decoded?.sex ?? null,
      birth_date: input.birthDate ?? decoded?.birthDate ?? null,
      citizenship: input.citizenship ?? null,
      created_by: c.scope.userId,
    });
    await repo.upsertDetail(trx, c.scope.ambitoId, row.id, detailValues(input), c.scope.userId);
    await auditPerson(trx, c, "person.create", row.id, row.comune_istat, { provisional: row.provisional });
    return toPersonDto(row);
  });
}

export async function updatePerson(
  db: Db,
  c: Caller,
  id: string,
  input: z.infer<typeof updatePersonBody>,
): Promise<PersonDto> {
  const { comune } = await requirePersonAccess(db, c, id, "person.update");
  const current = await repo.findPerson(db, c.scope.ambitoId, id);
  if (!current) throw notFound("Person");
  if (input.fiscalCode && current.fiscal_code && input.fiscalCode !== current.fiscal_code) {
    throw new AppError("VALIDATION", "The codice fiscale of a registered person cannot change", [
      { path: "body.fiscalCode", message: "already set: merge the two records instead" },
    ]);
  }
  const decoded = checkBirthDate(
    input.fiscalCode ?? current.fiscal_code ?? undefined,
    input.birthDate ?? current.birth_date ?? undefined,
  );
  await checkResidence(db, input.residenceComuneIstat);
  return db.transaction().execute(async (trx) => {
    const row = await repo.updatePersonRow(trx, c.scope.ambitoId, id, {
      ...(input.familyName ? { family_name: input.familyName } : {}),
      ...(input.givenName ? { given_name: input.givenName } : {}),
      ...(input.sex ? { sex: input.sex } : {}),
      ...(input.birthDate ? { birth_date: input.birthDate } : {}),
      ...(input.citizenship ? { citizenship: input.citizenship } : {}),
      ...(input.fiscalCode
        ? {
            fiscal_code: input.fiscalCode,
            provisional: false,
            ...(decoded && !current.birth_date ? { birth_date: decoded.birthDate } : {}),
          }
        : {}),
    });
    await repo.upsertDetail(trx, c.scope.ambitoId, id, detailValues(input), c.scope.userId);
    // Which fields changed, not their values.
    await auditPerson(trx, c, "person.update", id, comune, { fields: Object.keys(input).sort().join(",") });
    return toPersonDto(row);
  });
}
