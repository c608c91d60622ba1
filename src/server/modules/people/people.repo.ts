import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AccessScope } from "../../platform/auth/access.ts";

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

/** Every query on people is scoped to the Ambito and to the Comuni the caller's grant covers. */
function scoped(db: Db, scope: AccessScope) {
  let q = db.selectFrom("person").where("ambito_id", "=", scope.ambitoId);
  if (scope.comuni !== "all") {
    if (scope.comuni.length === 0) return q.where(sql<boolean>`false`);
    q = q.where("comune_istat", "in", scope.comuni);
  }
  return q;
}

export function listPeople(
  db: Db,
  scope: AccessScope,
  f: { q?: string; comuneIstat?: string; limit: number; offset: number },
) {
  let q = scoped(db, scope).select([...COLUMNS, sql<number>`count(*) over ()`.as("total")]);
  if (f.comuneIstat) q = q.where("comune_istat", "=", f.comuneIstat);
  if (f.q) {
    const text = f.q.toLowerCase().replace(/[%_\\]/g, "\\$&");
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(family_name || ' ' || given_name)`, "like", `%${text}%`),
        eb("fiscal_code", "=", f.q?.toUpperCase() ?? ""),
      ]),
    );
  }
  return q.orderBy("family_name").orderBy("given_name").orderBy("id").limit(f.limit).offset(f.offset).execute();
}

export function findPerson(db: Db, scope: AccessScope, id: string) {
  return scoped(db, scope).select(COLUMNS).where("id", "=", id).executeTakeFirst();
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
