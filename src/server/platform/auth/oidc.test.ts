import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../../test/helpers/config.ts";
import { testDb, usingPostgres } from "../../../../test/helpers/db.ts";
import { createTestUser } from "../../../../test/helpers/factories.ts";
import {
  Browser,
  type HttpListener,
  listenEphemeral,
  loginAtProvider,
  startOidcProvider,
  type TestOidcProvider,
} from "../../../../test/helpers/oidc-provider.ts";
import { buildApp } from "../../app.ts";
import type { Db } from "../../db/database.ts";
import { normalizeFiscalCode, safeReturnTo } from "./oidc.service.ts";

let listener: HttpListener;
let provider: TestOidcProvider;
let app: FastifyInstance;
let db: Db;
let base: string;

// The provider redirects a real browser to the app, so both listen on real ports.
beforeAll(async () => {
  listener = await listenEphemeral();
  base = listener.url;
  provider = await startOidcProvider({ redirectUri: `${base}/api/auth/oidc/callback` });
  db = await testDb();
  const config = testConfig({
    PUBLIC_URL: base,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ALLOW_HTTP: "true",
  });
  app = await buildApp({ config, db, dbKind: usingPostgres() ? "postgres" : "pglite" });
  await app.ready();
  listener.server.on("request", app.routing);
});

afterAll(async () => {
  await listener?.close();
  await app?.close();
  await provider?.close();
});

const fiscalCode = () => `RSSMRA80A01${randomBytes(3).toString("hex").toUpperCase().slice(0, 5)}`;

/** A provider account (sub) whose SPID-style fiscal_number is `cf`. */
function providerAccount(cf: string): string {
  const sub = `sub-${randomBytes(6).toString("hex")}`;
  provider.accounts.set(sub, { fiscal_number: `TINIT-${cf}`, name: "Mario Rossi", given_name: "Mario" });
  return sub;
}

/** Starts at the app, logs in at the provider, and returns the app's answer to the callback. */
async function oidcLogin(browser: Browser, sub: string, returnTo = "/") {
  const start = await browser.request(`${base}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const authUrl = start.headers.get("location") ?? "";
  expect(authUrl.startsWith(provider.issuer)).toBe(true);
  const callbackUrl = await loginAtProvider(browser, authUrl, sub);
  expect(callbackUrl.startsWith(`${base}/api/auth/oidc/callback?`)).toBe(true);
  return { callbackUrl, res: await browser.request(callbackUrl) };
}

async function staffWithFiscalCode(cf: string | null) {
  const user = await createTestUser(db, [], "oidc");
  await db.updateTable("app_user").set({ fiscal_code: cf }).where("id", "=", user.id).execute();
  return user;
}

describe("OIDC login against a real provider", () => {
  it("logs in by codice fiscale, links the identity, and later logs in by sub alone", async () => {
    const cf = fiscalCode();
    const user = await staffWithFiscalCode(cf);
    const sub = providerAccount(cf);

    const browser = new Browser();
    const { callbackUrl, res } = await oidcLogin(browser, sub, "/ambiti/prova?tab=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/ambiti/prova?tab=1");
    expect(browser.cookies.has("filiera_sid")).toBe(true);
    const me = await browser.request(`${base}/api/auth/me`);
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.user).toMatchObject({ id: user.id, username: user.username, authMethod: "oidc" });

    const identity = await db.selectFrom("user_identity").selectAll().where("subject", "=", sub).executeTakeFirst();
    expect(identity).toMatchObject({ issuer: provider.issuer, user_id: user.id });

    // The callback is single use, even with the state cookie put back.
    browser.cookies.set("filiera_oidc_state", new URL(callbackUrl).searchParams.get("state") ?? "");
    expect((await browser.request(callbackUrl)).status).toBe(400);

    await db.updateTable("app_user").set({ fiscal_code: null }).where("id", "=", user.id).execute();
    const again = new Browser();
    const second = await oidcLogin(again, sub);
    expect(second.res.status).toBe(302);
    expect(second.res.headers.get("location")).toBe("/");
    const me2 = await again.request(`${base}/api/auth/me`);
    expect((await me2.json()).user.id).toBe(user.id);
  });

  it("refuses an identity with no Filiera account (403) and opens no session", async () => {
    const sub = providerAccount(fiscalCode());
    const browser = new Browser();
    const { res } = await oidcLogin(browser, sub);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect(browser.cookies.has("filiera_sid")).toBe(false);
    expect((await browser.request(`${base}/api/auth/me`)).status).toBe(401);
    expect(browser.cookies.has("filiera_oidc_state")).toBe(false);
    const linked = await db.selectFrom("user_identity").select("user_id").where("subject", "=", sub).execute();
    expect(linked).toHaveLength(0);

    // A browser navigating here gets a page rather than JSON.
    const page = new Browser();
    const start = await page.request(`${base}/api/auth/oidc/login`);
    const callbackUrl = await loginAtProvider(page, start.headers.get("location") ?? "", sub);
    const html = await page.request(callbackUrl, undefined, { accept: "text/html,application/xhtml+xml" });
    expect(html.status).toBe(403);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(page.cookies.has("filiera_sid")).toBe(false);
  });

  it("refuses a tampered, foreign-browser or expired state with 400", async () => {
    const sub = providerAccount(fiscalCode());
    const tampered = new Browser();
    const start = await tampered.request(`${base}/api/auth/oidc/login`);
    const callbackUrl = new URL(await loginAtProvider(tampered, start.headers.get("location") ?? "", sub));
    callbackUrl.searchParams.set("state", "forged-state");
    const res = await tampered.request(callbackUrl.href);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION");

    // A callback URL replayed in another browser (login CSRF) has no matching state cookie.
    const victim = new Browser();
    const attacker = new Browser();
    const started = await attacker.request(`${base}/api/auth/oidc/login`);
    const stolen = await loginAtProvider(attacker, started.headers.get("location") ?? "", sub);
    expect((await victim.request(stolen)).status).toBe(400);

    const slow = new Browser();
    const late = await slow.request(`${base}/api/auth/oidc/login`);
    const lateCallback = await loginAtProvider(slow, late.headers.get("location") ?? "", sub);
    const lateState = new URL(lateCallback).searchParams.get("state");
    await sql`update oidc_login_state set created_at = now() - interval '11 minutes' where state = ${lateState}`.execute(
      db,
    );
    expect((await slow.request(lateCallback)).status).toBe(400);
  });

  it("ignores a returnTo that leaves the site", async () => {
    const cf = fiscalCode();
    await staffWithFiscalCode(cf);
    const { res } = await oidcLogin(new Browser(), providerAccount(cf), "//evil.example");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });

  it("audits the login in the platform chain without the codice fiscale", async () => {
    const cf = fiscalCode();
    const user = await staffWithFiscalCode(cf);
    expect((await oidcLogin(new Browser(), providerAccount(cf))).res.status).toBe(302);
    const rows = await db.selectFrom("audit_event").selectAll().where("actor_user_id", "=", user.id).execute();
    const login = rows.find((r) => r.action === "auth.login");
    expect(login).toMatchObject({ chain_id: 0, outcome: "ok" });
    expect(login?.details).toMatchObject({ method: "oidc" });
    expect(rows.map((r) => r.action)).toContain("auth.identity_linked");
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(cf);
  });

  it("sends a provider error back to the login page and audits it", async () => {
    const browser = new Browser();
    await browser.request(`${base}/api/auth/oidc/login`);
    const state = browser.cookies.get("filiera_oidc_state") ?? "";
    const res = await browser.request(`${base}/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?error=oidc");
    const failed = await db
      .selectFrom("audit_event")
      .select(["chain_id", "details"])
      .where("action", "=", "auth.login_failed")
      .orderBy("at", "desc")
      .execute();
    expect(failed.some((r) => r.chain_id === 0 && JSON.stringify(r.details).includes("access_denied"))).toBe(true);
  });

  it("documents both routes in OpenAPI under the auth tag", async () => {
    const spec = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.paths["/api/auth/oidc/login"].get.tags).toEqual(["auth"]);
    expect(spec.paths["/api/auth/oidc/callback"].get.parameters.map((p: { name: string }) => p.name)).toContain(
      "state",
    );
  });
});

describe("OIDC helpers", () => {
  it("keeps only same-site relative return paths", () => {
    expect(safeReturnTo("/ambiti/x?y=1")).toBe("/ambiti/x?y=1");
    for (const bad of [
      undefined,
      "",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil",
      "/a\nb",
      "/città",
    ]) {
      expect(safeReturnTo(bad)).toBe("/");
    }
  });

  it("reads SPID fiscal_number values", () => {
    expect(normalizeFiscalCode("TINIT-rssmra80a01h501u")).toBe("RSSMRA80A01H501U");
    expect(normalizeFiscalCode("RSSMRA80A01H501U")).toBe("RSSMRA80A01H501U");
    expect(normalizeFiscalCode("TINIT-123")).toBeUndefined();
    expect(normalizeFiscalCode(42)).toBeUndefined();
  });
});

describe("without OIDC configured", () => {
  it("registers no OIDC routes", async () => {
    const plain = await buildApp({ config: testConfig(), db, dbKind: usingPostgres() ? "postgres" : "pglite" });
    const res = await plain.inject({ method: "GET", url: "/api/auth/oidc/login" });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });
});

describe("OIDC with a gateway that wants client_secret_basic", () => {
  it("authenticates at the token endpoint as configured", async () => {
    const basicListener = await listenEphemeral();
    const basicProvider = await startOidcProvider({
      redirectUri: `${basicListener.url}/api/auth/oidc/callback`,
      tokenAuthMethod: "client_secret_basic",
    });
    const basicApp = await buildApp({
      config: testConfig({
        PUBLIC_URL: basicListener.url,
        OIDC_ISSUER: basicProvider.issuer,
        OIDC_CLIENT_ID: basicProvider.clientId,
        OIDC_CLIENT_SECRET: basicProvider.clientSecret,
        OIDC_ALLOW_HTTP: "true",
        OIDC_TOKEN_AUTH_METHOD: "client_secret_basic",
      }),
      db,
      dbKind: usingPostgres() ? "postgres" : "pglite",
    });
    await basicApp.ready();
    basicListener.server.on("request", basicApp.routing);
    try {
      const cf = fiscalCode();
      await staffWithFiscalCode(cf);
      const sub = `sub-${randomBytes(6).toString("hex")}`;
      basicProvider.accounts.set(sub, { fiscal_number: `TINIT-${cf}` });
      const browser = new Browser();
      const start = await browser.request(`${basicListener.url}/api/auth/oidc/login`);
      const callbackUrl = await loginAtProvider(browser, start.headers.get("location") ?? "", sub);
      const res = await browser.request(callbackUrl);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/");
      const me = await browser.request(`${basicListener.url}/api/auth/me`);
      expect(me.status).toBe(200);
      expect(basicProvider.tokenAuthSeen).toEqual(["basic"]);
      expect(provider.tokenAuthSeen.every((m) => m === "post")).toBe(true);
    } finally {
      await basicListener.close();
      await basicApp.close();
      await basicProvider.close();
    }
  });
});
