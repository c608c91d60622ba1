import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/database.ts";

export const SESSION_COOKIE = "filiera_sid";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Only the token's hash is stored, so a database dump does not hand out live sessions. */
export async function createSession(
  db: Db,
  input: { userId: number; authMethod: string; ip: string | null; ttlMs: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + input.ttlMs);
  await db
    .insertInto("session")
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      auth_method: input.authMethod,
      ip: input.ip,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

const TOUCH_EVERY_MS = 60_000;

/** The live session for a cookie token, with its user; sliding expiry, written at most once a minute. */
export async function findSession(db: Db, token: string, ttlMs: number) {
  const row = await db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select([
      "s.token_hash",
      "s.user_id",
      "s.csrf_token",
      "s.auth_method",
      "s.last_seen_at",
      "s.expires_at",
      "u.username",
      "u.display_name",
      "u.active",
      "u.must_change_password",
    ])
    .where("s.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row?.active || row.expires_at.getTime() <= Date.now()) return undefined;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable("session")
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + ttlMs) })
      .where("token_hash", "=", row.token_hash)
      .execute();
  }
  return row;
}

export function deleteSession(db: Db, token: string) {
  return db.deleteFrom("session").where("token_hash", "=", hashToken(token)).execute();
}

export function deleteUserSessions(db: Db, userId: number, exceptToken?: string) {
  let q = db.deleteFrom("session").where("user_id", "=", userId);
  if (exceptToken) q = q.where("token_hash", "!=", hashToken(exceptToken));
  return q.execute();
}

export function purgeExpiredSessions(db: Db) {
  return db.deleteFrom("session").where("expires_at", "<", new Date()).execute();
}
