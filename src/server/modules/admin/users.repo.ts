import { sql } from "kysely";
import type { Db } from "../../db/database.ts";

/** Users holding at least one role in the Ambito; keyset-free paging is fine at Ambito scale. */
export function listUsersInAmbito(
  db: Db,
  ambitoId: number,
  f: { q?: string; userId?: number; limit: number; offset: number },
) {
  let query = db
    .selectFrom("app_user as u")
    .select(["u.id", "u.username", "u.display_name", "u.email", "u.active", sql<number>`count(*) over ()`.as("total")])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignment as r")
          .select("r.id")
          .whereRef("r.user_id", "=", "u.id")
          .where("r.ambito_id", "=", ambitoId),
      ),
    );
  if (f.userId) query = query.where("u.id", "=", f.userId);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(u.username)`, "like", like), eb(sql`lower(u.display_name)`, "like", like)]),
    );
  }
  return query.orderBy("u.username").limit(f.limit).offset(f.offset).execute();
}

export function assignmentsInAmbito(db: Db, ambitoId: number, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("role_assignment as r")
    .innerJoin("ambito as a", "a.id", "r.ambito_id")
    .select(["r.user_id", "r.role", "a.slug", "r.comune_istat", "r.team_id", "r.organisation_id"])
    .where("r.ambito_id", "=", ambitoId)
    .where("r.user_id", "in", userIds)
    .orderBy("r.id")
    .execute();
}

export function insertUser(
  db: Db,
  u: {
    username: string;
    displayName: string;
    email: string | null;
    passwordHash: string | null;
    fiscalCode?: string | null;
  },
) {
  return db
    .insertInto("app_user")
    .values({
      username: u.username,
      display_name: u.displayName,
      email: u.email,
      password_hash: u.passwordHash,
      fiscal_code: u.fiscalCode ?? null,
      // The administrator chose the password: the user replaces it at first login.
      must_change_password: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export function deleteAssignmentsInAmbito(db: Db, userId: number, ambitoId: number) {
  return db.deleteFrom("role_assignment").where("user_id", "=", userId).where("ambito_id", "=", ambitoId).execute();
}

export function userHasRoleInAmbito(db: Db, userId: number, ambitoId: number) {
  return db
    .selectFrom("role_assignment")
    .select("id")
    .where("user_id", "=", userId)
    .where("ambito_id", "=", ambitoId)
    .executeTakeFirst();
}

export function teamExists(db: Db, ambitoId: number, teamId: number) {
  return db
    .selectFrom("team")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", teamId)
    .executeTakeFirst();
}

export function organisationExists(db: Db, ambitoId: number, id: number) {
  return db
    .selectFrom("organisation")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .where("id", "=", id)
    .executeTakeFirst();
}
