import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, TEST_PASSWORD } from "../../../../test/helpers/factories.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ LOGIN_MAX_FAILURES: "3" });
});

describe("login, session, logout", () => {
  it("logs in with the right password and returns the user's Ambiti and permissions", async () => {
    const ambito = await createTestAmbito(t.db);
    const user = await createTestUser(t.db, [
      { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano },
    ]);
    const s = await login(t.app, user.username);
    const me = await s.request({ method: "GET", url: "/api/auth/me" });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.username).toBe(user.username);
    expect(body.ambiti).toHaveLength(1);
    expect(body.ambiti[0].slug).toBe(ambito.slug);
    expect(body.ambiti[0].permissions).toContain("people:read");
    expect(body.ambiti[0].permissions).not.toContain("users:write");
  });

  it("sets an httpOnly, SameSite session cookie", async () => {
    const user = await createTestUser(t.db, []);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === "filiera_sid");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  it("refuses a wrong password with 401 and the same message as an unknown user", async () => {
    const user = await createTestUser(t.db, []);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "nope" },
      remoteAddress: "127.9.9.1",
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody.here", password: "nope" },
      remoteAddress: "127.9.9.2",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it("throttles a username after repeated failures, even with the right password", async () => {
    const user = await createTestUser(t.db, []);
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user.username, password: "bad" },
        remoteAddress: `127.8.0.${i + 1}`,
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
      remoteAddress: "127.8.0.9",
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
  });

  it("answers 400 with field messages for a malformed login body", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "" } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.username", "body.password"]));
  });

  it("logout ends the session", async () => {
    const user = await createTestUser(t.db, []);
    const s = await login(t.app, user.username);
    expect((await s.request({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect((await s.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("requires the CSRF token for cookie-authenticated writes", async () => {
    const user = await createTestUser(t.db, []);
    const s = await login(t.app, user.username);
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF");
  });

  it("changes the password, closes other sessions and keeps this one", async () => {
    const user = await createTestUser(t.db, []);
    const other = await login(t.app, user.username);
    const s = await login(t.app, user.username);
    const weak = await s.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(weak.statusCode).toBe(400);
    const bad = await s.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "wrong-one", newPassword: "a-much-better-passw0rd" },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await s.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a-much-better-passw0rd" },
    });
    expect(ok.statusCode).toBe(204);
    expect((await s.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(200);
    expect((await other.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    await expect(login(t.app, user.username)).rejects.toThrow(/401/);
    await login(t.app, user.username, "a-much-better-passw0rd");
  });

  it("refuses login to a deactivated account", async () => {
    const user = await createTestUser(t.db, []);
    await t.db.updateTable("app_user").set({ active: false }).where("id", "=", user.id).execute();
    await expect(login(t.app, user.username)).rejects.toThrow(/401/);
  });
});
