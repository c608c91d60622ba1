import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/**
 * People registered in the Ambito's Cartella before a moment: an aggregate for the Piano di Zona's
 * computed indicators (no personal field is read; uses person_scope_idx, ambito_id first).
 */
export async function countPeopleRegistered(db: Db, ambitoId: number, before: Date): Promise<number> {
  const r = await db
    .selectFrom("person")
    .select(sql<string>`count(*)`.as("n"))
    .where("ambito_id", "=", ambitoId)
    .where("created_at", "<", before)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
