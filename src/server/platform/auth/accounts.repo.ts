import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { RoleAssignmentTable } from "../../db/schema.ts";

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom("app_user").selectAll().where("username", "=", username.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findUserByFiscalCode(db: Db, fiscalCode: string) {
  return db.selectFrom("app_user").selectAll().where("fiscal_code", "=", fiscalCode.toUpperCase()).executeTakeFirst();
}

/** Assignments with the Ambito slug, for one user. */
export function assignmentsOf(db: Db, userId: number) {
  return db
    .selectFrom("role_assignment as r")
    .leftJoin("ambito as a", "a.id", "r.ambito_id")
    .select([
      "r.id",
      "r.role",
      "r.ambito_id",
      "a.slug as ambito_slug",
      "a.name as ambito_name",
      "a.kind as ambito_kind",
      "r.comune_istat",
      "r.team_id",
      "r.organisation_id",
    ])
    .where("r.user_id", "=", userId)
    .orderBy("r.id")
    .execute();
}

export function insertAssignments(db: Db, rows: Insertable<RoleAssignmentTable>[]) {
  return rows.length ? db.insertInto("role_assignment").values(rows).execute() : Promise.resolve([]);
}

export function setPasswordHash(db: Db, userId: number, hash: string) {
  return db
    .updateTable("app_user")
    .set({ password_hash: hash, must_change_password: false, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}
