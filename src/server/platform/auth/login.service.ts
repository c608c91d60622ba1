import { sql } from "kysely";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { AppError } from "../errors.ts";
import { findUserById, findUserByUsername, setPasswordHash } from "./accounts.repo.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.ts";
import { createSession, deleteUserSessions } from "./sessions.ts";

const IP_FAILURE_FACTOR = 4;

async function recentFailures(db: Db, column: "username_key" | "ip", value: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_attempt")
    .select(sql<number>`count(*)::int`.as("n"))
    .where(column, "=", value)
    .where("succeeded", "=", false)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Refuses when this username, or this address, failed too often within the window. */
async function assertNotThrottled(db: Db, config: Config, usernameKey: string, ip: string) {
  const since = new Date(Date.now() - config.login.windowMs);
  const byUser = await recentFailures(db, "username_key", usernameKey, since);
  const byIp = await recentFailures(db, "ip", ip, since);
  if (byUser >= config.login.maxFailures || byIp >= config.login.maxFailures * IP_FAILURE_FACTOR) {
    throw new AppError("RATE_LIMITED", "Too many failed logins: try again later", undefined, {
      "retry-after": String(Math.ceil(config.login.windowMs / 1000)),
    });
  }
}

export async function loginWithPassword(
  db: Db,
  config: Config,
  input: { username: string; password: string; ip: string },
) {
  const usernameKey = input.username.trim().toLowerCase();
  await assertNotThrottled(db, config, usernameKey, input.ip);
  const user = await findUserByUsername(db, usernameKey);
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash(config.scryptLogN)));
  const succeeded = Boolean(ok && user?.active && user.password_hash);
  await db.insertInto("login_attempt").values({ username_key: usernameKey, ip: input.ip, succeeded }).execute();
  await recordAudit(db, {
    ambitoId: null,
    actorUserId: user?.id ?? null,
    actorKind: user ? "user" : "anonymous",
    action: succeeded ? "auth.login" : "auth.login_failed",
    entityType: "session",
    outcome: succeeded ? "ok" : "denied",
    ip: input.ip,
    details: { method: "password" },
  });
  if (!succeeded || !user) throw new AppError("UNAUTHENTICATED", "Wrong username or password");
  const session = await createSession(db, {
    userId: user.id,
    authMethod: "password",
    ip: input.ip,
    ttlMs: config.sessionTtlMs,
  });
  return { user, session };
}

export async function changePassword(
  db: Db,
  config: Config,
  input: { userId: number; currentPassword: string; newPassword: string; keepSessionToken: string; ip: string },
) {
  const user = await findUserById(db, input.userId);
  if (!user?.password_hash || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError("VALIDATION", "The current password is wrong", [
      { path: "body.currentPassword", message: "wrong password" },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError("VALIDATION", "The new password must differ from the current one", [
      { path: "body.newPassword", message: "same as the current password" },
    ]);
  }
  const hash = await hashPassword(input.newPassword, config.scryptLogN);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, hash);
    // Other sessions may belong to whoever knew the old password.
    await deleteUserSessions(trx, user.id, input.keepSessionToken);
    await recordAudit(trx, {
      ambitoId: null,
      actorUserId: user.id,
      actorKind: "user",
      action: "auth.password_changed",
      entityType: "user",
      entityId: String(user.id),
      ip: input.ip,
    });
  });
}
