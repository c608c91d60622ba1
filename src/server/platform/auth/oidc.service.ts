import { sql } from "kysely";
import * as client from "openid-client";
import type { Config, OidcConfig } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { AppError } from "../errors.ts";
import { findUserByFiscalCode } from "./accounts.repo.ts";
import { createSession } from "./sessions.ts";

export const OIDC_CALLBACK_PATH = "/api/auth/oidc/callback";
/** A login started more than this long ago is refused: the provider's own session has long expired. */
const STATE_TTL_SQL = sql`interval '10 minutes'`;

export const redirectUri = (config: Config) => `${config.publicUrl}${OIDC_CALLBACK_PATH}`;

/**
 * Only same-site relative paths: "//host" and "/\host" are protocol-relative to browsers, so an
 * attacker could use the login to bounce users elsewhere. Printable ASCII only (the web app's paths
 * are), which also keeps control characters and raw non-ASCII out of the Location header.
 */
export function safeReturnTo(value: string | undefined): string {
  return value && value.length <= 2048 && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : "/";
}

// One discovery per process and issuer; a failed discovery is forgotten so the next login retries.
const configurations = new Map<string, Promise<client.Configuration>>();

export function oidcConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}\n${oidc.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    pending = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret,
      // SPID/CIE gateways differ in how the client authenticates at the token endpoint.
      oidc.clientSecret && oidc.tokenAuthMethod === "client_secret_basic"
        ? client.ClientSecretBasic(oidc.clientSecret)
        : undefined,
      oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  return pending.catch((err: unknown) => {
    throw new AppError("UNAVAILABLE", `The identity provider is not reachable (${(err as Error).message})`);
  });
}

/** Starts a login: PKCE, state and nonce live in the database so any process can take the callback. */
export async function startOidcLogin(db: Db, config: Config, oidc: OidcConfig, returnTo: string | undefined) {
  const conf = await oidcConfiguration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await db.deleteFrom("oidc_login_state").where(sql<boolean>`created_at < now() - ${STATE_TTL_SQL}`).execute();
  await db
    .insertInto("oidc_login_state")
    .values({ state, code_verifier: codeVerifier, nonce, return_to: safeReturnTo(returnTo) })
    .execute();
  const url = client.buildAuthorizationUrl(conf, {
    redirect_uri: redirectUri(config),
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state };
}

/** Single use: the row is deleted as it is read, so a replayed callback finds nothing. */
async function takeState(db: Db, state: string | undefined) {
  if (!state) return undefined;
  const row = await db
    .deleteFrom("oidc_login_state")
    .where("state", "=", state)
    .returning(["code_verifier", "nonce", "return_to", sql<boolean>`created_at > now() - ${STATE_TTL_SQL}`.as("fresh")])
    .executeTakeFirst();
  return row?.fresh ? row : undefined;
}

/** SPID gateways send e.g. "TINIT-RSSMRA80A01H501U"; anything that is not a codice fiscale is ignored. */
export function normalizeFiscalCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const code = value
    .trim()
    .toUpperCase()
    .replace(/^TINIT-/, "");
  return /^[A-Z0-9]{16}$/.test(code) ? code : undefined;
}

export type OidcFailure = "provider_error" | "grant_failed" | "no_account" | "inactive";

export type OidcOutcome =
  | { ok: true; returnTo: string; session: Awaited<ReturnType<typeof createSession>> }
  | { ok: false; reason: OidcFailure; returnTo: string };

export interface CallbackInput {
  /** The raw query string of the callback request, "?..." or "". */
  search: string;
  state: string | undefined;
  /** The state the login bound to this browser (cookie): callbacks from another browser are refused. */
  browserState: string | undefined;
  error: string | undefined;
  ip: string;
  /** Logs the failure cause (never claims: they hold names and codici fiscali). */
  warn: (err: unknown) => void;
}

export async function completeOidcLogin(
  db: Db,
  config: Config,
  oidc: OidcConfig,
  input: CallbackInput,
): Promise<OidcOutcome> {
  const row = input.state && input.state === input.browserState ? await takeState(db, input.state) : undefined;
  if (!row) throw new AppError("VALIDATION", "Unknown or expired login: start the login again");
  const fail = async (reason: OidcFailure, more: { userId?: number; error?: string } = {}): Promise<OidcOutcome> => {
    await recordAudit(db, {
      ambitoId: null,
      actorUserId: more.userId ?? null,
      actorKind: more.userId ? "user" : "anonymous",
      action: "auth.login_failed",
      entityType: "session",
      outcome: "denied",
      ip: input.ip,
      details: { method: "oidc", reason, ...(more.error ? { error: more.error } : {}) },
    });
    return { ok: false, reason, returnTo: row.return_to };
  };
  if (input.error) {
    // OAuth error codes are short ASCII tokens; anything else is not worth keeping.
    return fail("provider_error", { error: /^[a-z_]{1,64}$/.test(input.error) ? input.error : "other" });
  }

  const conf = await oidcConfiguration(oidc);
  let claims: client.IDToken | undefined;
  let accessToken: string;
  try {
    const tokens = await client.authorizationCodeGrant(conf, new URL(`${redirectUri(config)}${input.search}`), {
      pkceCodeVerifier: row.code_verifier,
      expectedState: input.state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    accessToken = tokens.access_token;
  } catch (err) {
    input.warn(err);
    return fail("grant_failed");
  }
  if (!claims) return fail("grant_failed");
  // The ID token's iss is verified against discovery, so it is the canonical issuer to link on.
  const { iss: issuer, sub } = claims;

  let user = await findLinkedUser(db, issuer, sub);
  if (!user) {
    let attributes: Record<string, unknown> = claims;
    try {
      // Gateways usually release attributes only through userinfo, not in the ID token.
      if (claims[oidc.fiscalCodeClaim] === undefined && conf.serverMetadata().userinfo_endpoint) {
        attributes = await client.fetchUserInfo(conf, accessToken, sub);
      }
    } catch (err) {
      input.warn(err);
      return fail("grant_failed");
    }
    user = await linkByFiscalCode(
      db,
      { issuer, sub, ip: input.ip },
      normalizeFiscalCode(attributes[oidc.fiscalCodeClaim]),
    );
  }
  if (!user) return fail("no_account");
  if (!user.active) return fail("inactive", { userId: user.id });

  const session = await createSession(db, {
    userId: user.id,
    authMethod: "oidc",
    ip: input.ip,
    ttlMs: config.sessionTtlMs,
  });
  await recordAudit(db, {
    ambitoId: null,
    actorUserId: user.id,
    actorKind: "user",
    action: "auth.login",
    entityType: "session",
    ip: input.ip,
    details: { method: "oidc" },
  });
  return { ok: true, returnTo: row.return_to, session };
}

/** (a) An identity already linked by (issuer, sub). */
function findLinkedUser(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom("user_identity as i")
    .innerJoin("app_user as u", "u.id", "i.user_id")
    .select(["u.id", "u.active"])
    .where("i.issuer", "=", issuer)
    .where("i.subject", "=", subject)
    .executeTakeFirst();
}

/**
 * (b) The account with the same codice fiscale, then linked so later logins no longer depend on
 * the attribute. No account is ever created here: staff accounts are made by administrators.
 */
async function linkByFiscalCode(
  db: Db,
  identity: { issuer: string; sub: string; ip: string },
  fiscalCode: string | undefined,
): Promise<{ id: number; active: boolean } | undefined> {
  const user = fiscalCode ? await findUserByFiscalCode(db, fiscalCode) : undefined;
  // An inactive account is not linked: reactivating it must not silently grant a new way in.
  if (!user?.active) return user;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("user_identity")
      .values({ issuer: identity.issuer, subject: identity.sub, user_id: user.id })
      .onConflict((oc) => oc.columns(["issuer", "subject"]).doNothing())
      .execute();
    await recordAudit(trx, {
      ambitoId: null,
      actorUserId: user.id,
      actorKind: "user",
      action: "auth.identity_linked",
      entityType: "user",
      entityId: String(user.id),
      ip: identity.ip,
      details: { method: "oidc", issuer: identity.issuer },
    });
  });
  return user;
}
