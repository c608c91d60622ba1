import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Searches: people-search.ts. */

const COLUMNS = [
  "id",
  "comune_istat",
  "fiscal_code",
  "provisional",
  "family_name",
  "given_name",
  "sex",
  "birth_date",
  "citizenship",
] as const;

/** The person row, without scope: callers check file access first (file-access.ts). */
export function findPerson(db: Db, ambitoId: number, id: string) {
  return db
    .selectFrom("person")
    .select(COLUMNS)
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Whether the person exists in the Ambito at all, to tell 403 (other Comune) from 404. */
export function personComune(db: Db, ambitoId: number, id: string) {
  return db
    .selectFrom("person")
    .select("comune_istat")
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function insertPerson(
  db: Db,
  row: {
    ambito_id: number;
    comune_istat: string;
    fiscal_code: string | null;
    provisional: boolean;
    family_name: string;
    given_name: string;
    sex: "F" | "M" | null;
    birth_date: string | null;
    citizenship: string | null;
    created_by: number;
  },
) {
  return db.insertInto("person").values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

const DETAIL_COLUMNS = [
  "birth_place_code",
  "citizenship_code",
  "residence_comune_istat",
  "residence_address",
  "phone",
  "email",
  "provisional_reason",
] as const;

export function findDetail(db: Db, ambitoId: number, personId: string) {
  return db
    .selectFrom("person_detail")
    .select(DETAIL_COLUMNS)
    .where("ambito_id", "=", ambitoId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
}

export type DetailValues = Partial<{
  birth_place_code: string | null;
  citizenship_code: string | null;
  residence_comune_istat: string | null;
  residence_address: string | null;
  phone: string | null;
  email: string | null;
  provisional_reason: string | null;
}>;

export async function upsertDetail(db: Db, ambitoId: number, personId: string, values: DetailValues, userId: number) {
  if (Object.keys(values).length === 0) return;
  await db
    .insertInto("person_detail")
    .values({ ambito_id: ambitoId, person_id: personId, ...values, updated_by: userId })
    .onConflict((oc) =>
      oc.columns(["ambito_id", "person_id"]).doUpdateSet({ ...values, updated_by: userId, updated_at: sql`now()` }),
    )
    .execute();
}

export function updatePersonRow(
  db: Db,
  ambitoId: number,
  id: string,
  values: Partial<{
    family_name: string;
    given_name: string;
    sex: "F" | "M";
    birth_date: string;
    citizenship: string;
    fiscal_code: string;
    provisional: boolean;
    comune_istat: string;
  }>,
) {
  return db
    .updateTable("person")
    .set({ ...values, updated_at: sql`now()` })
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}
