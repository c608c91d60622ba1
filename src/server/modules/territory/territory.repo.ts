import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

export function findAmbitoDetail(db: Db, ambitoId: number) {
  return db
    .selectFrom("ambito as a")
    .innerJoin("region as r", "r.code", "a.region_code")
    .leftJoin("ats", "ats.id", "a.ats_id")
    .leftJoin("asst", "asst.id", "a.asst_id")
    .select([
      "a.id",
      "a.slug",
      "a.name",
      "a.kind",
      "a.lead_comune_istat",
      "r.code as region_code",
      "r.name as region_name",
      "ats.code as ats_code",
      "ats.name as ats_name",
      "asst.code as asst_code",
      "asst.name as asst_name",
    ])
    .where("a.id", "=", ambitoId)
    .executeTakeFirst();
}

export function comuniOfAmbito(db: Db, ambitoId: number) {
  return db
    .selectFrom("ambito_comune as ac")
    .innerJoin("comune as c", "c.istat_code", "ac.comune_istat")
    .select(["c.istat_code", "c.cadastral_code", "c.name", "c.province_abbr"])
    .where("ac.ambito_id", "=", ambitoId)
    .orderBy("c.name")
    .execute();
}

export function municipiOfAmbito(db: Db, ambitoId: number) {
  return db
    .selectFrom("municipio")
    .select(["id", "number", "name", "comune_istat"])
    .where("ambito_id", "=", ambitoId)
    .orderBy("number")
    .execute();
}

export function teamsOfAmbito(db: Db, ambitoId: number) {
  return db
    .selectFrom("team")
    .select(["id", "name", "comune_istat"])
    .where("ambito_id", "=", ambitoId)
    .orderBy("name")
    .execute();
}

export function organisationsOfAmbito(db: Db, ambitoId: number) {
  return db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where("ambito_id", "=", ambitoId)
    .orderBy("name")
    .execute();
}

export function listAmbiti(db: Db, onlyIds: number[] | "all") {
  let q = db.selectFrom("ambito").select(["id", "slug", "name", "kind"]).orderBy("name");
  if (onlyIds !== "all") {
    if (onlyIds.length === 0) return Promise.resolve([]);
    q = q.where("id", "in", onlyIds);
  }
  return q.execute();
}

/** Name search over the reference list: prefix matches first, then substring. */
export function searchComuni(db: Db, text: string, limit: number) {
  const needle = text.toLowerCase();
  return db
    .selectFrom("comune")
    .select(["istat_code", "cadastral_code", "name", "province_abbr"])
    .where(sql<boolean>`lower(name) like ${`%${needle.replace(/[%_\\]/g, "\\$&")}%`}`)
    .orderBy(sql`lower(name) like ${`${needle.replace(/[%_\\]/g, "\\$&")}%`}`, "desc")
    .orderBy("name")
    .limit(limit)
    .execute();
}

export function findComuniByName(db: Db, names: string[]) {
  return db
    .selectFrom("comune")
    .select(["istat_code", "name"])
    .where("name", "in", names)
    .where("region_code", "=", "03")
    .execute();
}

export function comuneInAmbito(db: Db, ambitoId: number, istat: string) {
  return db
    .selectFrom("ambito_comune")
    .select("comune_istat")
    .where("ambito_id", "=", ambitoId)
    .where("comune_istat", "=", istat)
    .executeTakeFirst();
}
