import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { type AccessScope, type Assignment, resolveScope } from "../../platform/auth/access.ts";
import { assignmentsOf } from "../../platform/auth/accounts.repo.ts";
import { createSession } from "../../platform/auth/sessions.ts";
import { AppError } from "../../platform/errors.ts";
import type { Tenant } from "../../platform/tenancy.ts";

/**
 * The pull API's security scheme is a PDND voucher (bearer JWT, ModI AUTH_REST_01). We map it onto
 * our access model: the PDND gateway in front of Filiera checks the voucher and forwards the call
 * with a Filiera API token bound to an account; the account must hold `siuss:export` in the
 * Ambito, exactly as a person using the web app would. Tokens are sessions of kind "siuss-api"
 * (only their hash is stored) and have a fixed expiry: no sliding renewal.
 */
export const API_AUTH_METHOD = "siuss-api";
const hash = (t: string) => createHash("sha256").update(t).digest("hex");

export async function issueApiToken(db: Db, tenant: Tenant, username: string, days: number) {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "active"])
    .where("username", "=", username)
    .executeTakeFirst();
  if (!user?.active) throw new AppError("NOT_FOUND", `no active account '${username}'`);
  const scope = resolveScope(user.id, (await assignmentsOf(db, user.id)) as Assignment[], tenant, "siuss:export");
  if (!scope) throw new AppError("FORBIDDEN", `'${username}' does not hold siuss:export in ${tenant.slug}`);
  const s = await createSession(db, {
    userId: user.id,
    authMethod: API_AUTH_METHOD,
    ip: null,
    ttlMs: days * 86_400_000,
  });
  await recordAudit(db, {
    ambitoId: tenant.id,
    actorUserId: null,
    actorKind: "cli",
    action: "siuss.token_issued",
    entityType: "app_user",
    entityId: String(user.id),
    details: { days },
  });
  return { token: s.token, expiresAt: s.expiresAt };
}

export type BearerResult =
  | { ok: true; scope: AccessScope; userId: number; fiscalCode: string | null; tokenRef: string }
  | { ok: false; status: 401 | 403; detail: string };

/** Resolves `Authorization: Bearer <token>` to the account's siuss:export scope in the Ambito. */
export async function authenticateBearer(
  db: Db,
  header: string | undefined,
  tenant: Tenant,
  ip: string,
): Promise<BearerResult> {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header ?? "");
  if (!m) return { ok: false, status: 401, detail: "Missing or malformed bearer token" };
  const tokenHash = hash(m[1] as string);
  const row = await db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .select(["s.user_id", "s.expires_at", "u.active", "u.fiscal_code"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.auth_method", "=", API_AUTH_METHOD)
    .executeTakeFirst();
  if (!row?.active || row.expires_at.getTime() <= Date.now())
    return { ok: false, status: 401, detail: "Unknown or expired token" };
  const scope = resolveScope(
    row.user_id,
    (await assignmentsOf(db, row.user_id)) as Assignment[],
    tenant,
    "siuss:export",
  );
  if (!scope) {
    await recordAudit(db, {
      ambitoId: tenant.id,
      actorUserId: row.user_id,
      actorKind: "user",
      action: "access.denied",
      entityType: "route",
      entityId: "siuss pull API",
      outcome: "denied",
      ip,
      details: { permission: "siuss:export" },
    });
    return { ok: false, status: 403, detail: "The account does not hold siuss:export in this Ambito" };
  }
  // The hash prefix names the token on the flow register without being usable as one.
  return { ok: true, scope, userId: row.user_id, fiscalCode: row.fiscal_code, tokenRef: tokenHash.slice(0, 12) };
}
