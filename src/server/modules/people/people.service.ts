import type { z } from "zod";
import type { createPersonBody, PersonDto } from "../../../shared/contracts/people.ts";
import { decodeFiscalCode } from "../../../shared/fiscal-code.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { type AccessScope, inScope } from "../../platform/auth/access.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import * as repo from "./people.repo.ts";

export interface Caller {
  scope: AccessScope;
  ip: string | null;
  purpose: string;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;
const toDto = (p: Row): PersonDto => ({
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

const audit = (db: Db, c: Caller, action: string, entityId: string | null, comune: string | null, details = {}) =>
  recordAudit(db, {
    ambitoId: c.scope.ambitoId,
    actorUserId: c.scope.userId,
    actorKind: "user",
    action,
    entityType: "person",
    entityId,
    comuneIstat: comune,
    purpose: c.purpose,
    ip: c.ip,
    details,
  });

export async function listPeople(
  db: Db,
  c: Caller,
  f: { q?: string; comuneIstat?: string; limit: number; offset: number },
) {
  if (f.comuneIstat && !inScope(c.scope, f.comuneIstat)) throw forbidden("This Comune is outside your assignment");
  const rows = await repo.listPeople(db, c.scope, f);
  // A search reveals who is known to the social services: the read is logged with the ids returned.
  await audit(db, c, "person.search", null, f.comuneIstat ?? null, {
    results: rows.length,
    ids: rows.map((r) => r.id).join(","),
  });
  return { items: rows.map(toDto), total: rows[0]?.total ?? 0 };
}

export async function getPerson(db: Db, c: Caller, id: string): Promise<PersonDto> {
  const row = await repo.findPerson(db, c.scope, id);
  if (!row) {
    const other = await repo.personComune(db, c.scope.ambitoId, id);
    if (other) {
      await recordAudit(db, {
        ambitoId: c.scope.ambitoId,
        actorUserId: c.scope.userId,
        actorKind: "user",
        action: "person.read",
        entityType: "person",
        entityId: id,
        comuneIstat: other.comune_istat,
        purpose: c.purpose,
        outcome: "denied",
        ip: c.ip,
      });
      throw forbidden("This person is in the care of another Comune");
    }
    throw notFound("Person");
  }
  await audit(db, c, "person.read", row.id, row.comune_istat);
  return toDto(row);
}

export async function createPerson(db: Db, c: Caller, input: z.infer<typeof createPersonBody>): Promise<PersonDto> {
  if (!(await isComuneOfAmbito(db, c.scope.ambitoId, input.comuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.comuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  if (!inScope(c.scope, input.comuneIstat)) throw forbidden("This Comune is outside your assignment");
  const decoded = input.fiscalCode ? decodeFiscalCode(input.fiscalCode) : null;
  if (decoded && input.birthDate && decoded.birthDate !== input.birthDate) {
    throw new AppError("VALIDATION", "Birth date and codice fiscale disagree", [
      { path: "body.birthDate", message: "does not match the date encoded in the codice fiscale" },
    ]);
  }
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
    await audit(trx, c, "person.create", row.id, row.comune_istat);
    return toDto(row);
  });
}
