import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/**
 * Aggregate counts over the Cartella Sociale for the Piano di Zona's computed indicators: no
 * personal field is read and only totals leave the module (planning calls these through index.ts).
 */

/** Cases open on 31 December of the year (opened by then, not closed by then). */
export async function countCasesOpenAtYearEnd(db: Db, ambitoId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom("social_case")
    .select(sql<string>`count(*)`.as("n"))
    .where("ambito_id", "=", ambitoId)
    .where("opened_on", "<=", `${year}-12-31`)
    .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", `${year}-12-31`)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Cases opened (prese in carico) during the year. */
export async function countCasesOpenedInYear(db: Db, ambitoId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom("social_case")
    .select(sql<string>`count(*)`.as("n"))
    .where("ambito_id", "=", ambitoId)
    .where("opened_on", ">=", `${year}-01-01`)
    .where("opened_on", "<=", `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * PUA contacts of the year, and those answered by a social worker of the Ambito (the ASST annex's
 * "valutazioni con assistente sociale" over "valutazioni totali").
 */
export async function countPuaContacts(
  db: Db,
  ambitoId: number,
  year: number,
): Promise<{ total: number; bySocialWorker: number }> {
  const r = await db
    .selectFrom("access_contact as ac")
    .select([
      sql<string>`count(*)`.as("total"),
      sql<string>`count(*) filter (where exists (select 1 from role_assignment ra where ra.user_id = ac.answered_by and ra.ambito_id = ac.ambito_id and ra.role = 'social_worker'))`.as(
        "social",
      ),
    ])
    .where("ac.ambito_id", "=", ambitoId)
    .where("ac.point", "=", "pua")
    .where("ac.contact_date", ">=", `${year}-01-01`)
    .where("ac.contact_date", "<=", `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), bySocialWorker: Number(r.social) };
}
