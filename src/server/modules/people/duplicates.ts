import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { personVisibleInSearch } from "./file-access.ts";
import * as repo from "./people.repo.ts";
import { auditPerson, type Caller, requirePersonAccess, toPersonDto } from "./people.service.ts";

/**
 * Duplicate detection (same codice fiscale, or same names and birth date: the usual case of a
 * provisional identity registered before the codice fiscale was known) and merge.
 */
export async function findDuplicates(
  db: Db,
  c: Caller,
  f: { fiscalCode?: string; familyName?: string; givenName?: string; birthDate?: string },
) {
  const out: (ReturnType<typeof toPersonDto> & { reason: "fiscal_code" | "name_birth_date" })[] = [];
  const base = () =>
    db
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
      .where("ambito_id", "=", c.scope.ambitoId)
      .where(personVisibleInSearch(c.scope))
      .limit(20);
  if (f.fiscalCode) {
    for (const r of await base().where("fiscal_code", "=", f.fiscalCode).execute())
      out.push({ ...toPersonDto(r), reason: "fiscal_code" });
  }
  if (f.familyName && f.givenName && f.birthDate) {
    const rows = await base()
      .where(sql`lower(family_name)`, "=", f.familyName.toLowerCase())
      .where(sql`lower(given_name)`, "=", f.givenName.toLowerCase())
      .where("birth_date", "=", f.birthDate)
      .execute();
    for (const r of rows)
      if (!out.some((o) => o.id === r.id)) out.push({ ...toPersonDto(r), reason: "name_birth_date" });
  }
  await auditPerson(db, c, "person.duplicates", null, null, {
    results: out.length,
    ids: out.map((o) => o.id).join(","),
  });
  return { items: out };
}

/** Tables whose rows follow the person into the survivor. */
const MOVED = [
  "isee_declaration",
  "social_case",
  "access_contact",
  "intervention",
  "waiting_list_entry",
  "file_access_grant",
  "emergency_access",
] as const;

export async function mergePeople(db: Db, c: Caller, survivorId: string, duplicateId: string) {
  if (survivorId === duplicateId) {
    throw new AppError("VALIDATION", "A person cannot be merged with itself", [
      { path: "body.duplicateId", message: "must be another person" },
    ]);
  }
  // Only the Comune in charge (or the case team) merges: a grant or an emergency access is not enough.
  const a = await requirePersonAccess(db, c, survivorId, "person.merge");
  const b = await requirePersonAccess(db, c, duplicateId, "person.merge");
  if (a.via === "grant" || a.via === "emergency" || b.via === "grant" || b.via === "emergency") {
    throw forbidden("Only the social service in charge of both records can merge them");
  }
  const survivor = await repo.findPerson(db, c.scope.ambitoId, survivorId);
  const duplicate = await repo.findPerson(db, c.scope.ambitoId, duplicateId);
  if (!survivor || !duplicate) throw new AppError("NOT_FOUND", "Person not found");
  if (survivor.fiscal_code && duplicate.fiscal_code && survivor.fiscal_code !== duplicate.fiscal_code) {
    throw new AppError("VALIDATION", "The two people have different codici fiscali", [
      { path: "body.duplicateId", message: "different codice fiscale: not the same person" },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    const ambitoId = c.scope.ambitoId;
    const moved: Record<string, number> = {};
    for (const table of MOVED) {
      const res = await trx
        .updateTable(table)
        .set({ person_id: survivorId })
        .where("ambito_id", "=", ambitoId)
        .where("person_id", "=", duplicateId)
        .executeTakeFirst();
      moved[table] = Number(res.numUpdatedRows);
    }
    // Household rows: drop the duplicate's where the survivor is already a member.
    await trx
      .deleteFrom("household_member as d")
      .where("d.ambito_id", "=", ambitoId)
      .where("d.person_id", "=", duplicateId)
      .where(
        sql<boolean>`exists (select 1 from household_member s where s.ambito_id = d.ambito_id
          and s.household_id = d.household_id and s.person_id = ${survivorId})`,
      )
      .execute();
    const hm = await trx
      .updateTable("household_member")
      .set({ person_id: survivorId })
      .where("ambito_id", "=", ambitoId)
      .where("person_id", "=", duplicateId)
      .executeTakeFirst();
    moved.household_member = Number(hm.numUpdatedRows);
    const dupDetail = await repo.findDetail(trx, ambitoId, duplicateId);
    const survivorDetail = await repo.findDetail(trx, ambitoId, survivorId);
    await trx.deleteFrom("person").where("ambito_id", "=", ambitoId).where("id", "=", duplicateId).execute();
    if (dupDetail) {
      // Keep the survivor's values, fill its gaps from the duplicate.
      const fill = Object.fromEntries(
        Object.entries(dupDetail).filter(([k, v]) => v !== null && !survivorDetail?.[k as keyof typeof dupDetail]),
      );
      await repo.upsertDetail(trx, ambitoId, survivorId, fill, c.scope.userId);
    }
    const row =
      !survivor.fiscal_code && duplicate.fiscal_code
        ? await repo.updatePersonRow(trx, ambitoId, survivorId, {
            fiscal_code: duplicate.fiscal_code,
            provisional: false,
            ...(duplicate.birth_date && !survivor.birth_date ? { birth_date: duplicate.birth_date } : {}),
          })
        : survivor;
    await trx
      .insertInto("person_merge")
      .values({
        ambito_id: ambitoId,
        survivor_id: survivorId,
        merged_id: duplicateId,
        moved: JSON.stringify(moved),
        merged_by: c.scope.userId,
      })
      .execute();
    await auditPerson(trx, c, "person.merge", survivorId, a.comune, { merged: duplicateId, ...moved });
    return toPersonDto(row);
  });
}
