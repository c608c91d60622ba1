import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";

let t: TestApp;
let ambito: TestAmbito;
beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
});

const manager = async () => {
  const u = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }], "mgr");
  return { ...u, s: await login(t.app, u.username) };
};

describe("user administration in an Ambito", () => {
  it("creates a social worker scoped to a Comune, who can then log in with that scope", async () => {
    const { s } = await manager();
    const username = `as.nuova.${Date.now()}`;
    const res = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      payload: {
        username: username.toUpperCase(),
        displayName: "Nuova Assistente",
        password: "una-password-lunga-1",
        roles: [{ role: "social_worker", comuneIstat: ambito.comuni.opera, teamId: ambito.teamId }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username,
      roles: [{ role: "social_worker", comuneIstat: ambito.comuni.opera }],
    });
    const created = await login(t.app, username, "una-password-lunga-1");
    const me = (await created.request({ method: "GET", url: "/api/auth/me" })).json();
    expect(me.user.roles[0]).toMatchObject({
      role: "social_worker",
      ambito: ambito.slug,
      comuneIstat: ambito.comuni.opera,
    });

    const events = await t.db
      .selectFrom("audit_event")
      .selectAll()
      .where("chain_id", "=", ambito.id)
      .where("action", "=", "user.create")
      .execute();
    expect(events.some((e) => e.entity_id === String(res.json().id))).toBe(true);
  });

  it("opens nothing but the profile to an admin-set password until it is changed", async () => {
    const { s } = await manager();
    const username = `as.iniziale.${Date.now()}`;
    const created = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      payload: {
        username,
        displayName: "Password iniziale",
        password: "password-iniziale-1",
        roles: [{ role: "social_worker", comuneIstat: ambito.comuni.opera, teamId: ambito.teamId }],
      },
    });
    expect(created.statusCode).toBe(201);
    const user = await login(t.app, username, "password-iniziale-1");
    const people = { method: "GET" as const, url: `/api/ambiti/${ambito.slug}/people` };
    const refused = await user.request(people);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await user.request({ method: "GET", url: "/api/auth/me" })).json().user.mustChangePassword).toBe(true);

    const changed = await user.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "password-iniziale-1", newPassword: "una-nuova-password-lunga-2" },
    });
    expect(changed.statusCode).toBe(204);
    expect((await user.request(people)).statusCode).toBe(200);
  });

  it("validates roles against the Ambito with field paths", async () => {
    const { s } = await manager();
    const res = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      payload: {
        username: "bad.roles",
        displayName: "X",
        password: "una-password-lunga-1",
        roles: [
          { role: "social_worker" },
          { role: "mayor", comuneIstat: "015146" },
          { role: "system_admin" },
          { role: "ets_operator" },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.roles.0.comuneIstat",
        "body.roles.1.comuneIstat",
        "body.roles.2.role",
        "body.roles.3.organisationId",
      ]),
    );
    const none = await t.db.selectFrom("app_user").select("id").where("username", "=", "bad.roles").executeTakeFirst();
    expect(none).toBeUndefined();
  });

  it("answers 409 for a taken username and 400 for a malformed one", async () => {
    const { s, username } = await manager();
    const base = { displayName: "X", password: "una-password-lunga-1", roles: [{ role: "udp_officer" }] };
    const taken = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      payload: { ...base, username },
    });
    expect(taken.statusCode).toBe(409);
    const bad = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      payload: { ...base, username: "no spaces!" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("body.username");
  });

  it("lists only users of this Ambito, searchable", async () => {
    const { s } = await manager();
    const other = await createTestAmbito(t.db);
    const outsider = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: other.id }], "outsider");
    const insider = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }], "insider");
    const list = (await s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/users?limit=200` })).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toContain(insider.username);
    expect(names).not.toContain(outsider.username);
    const found = (
      await s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/users?q=${insider.username}` })
    ).json();
    expect(found.items).toHaveLength(1);
    expect(
      (await s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/users/${outsider.id}` })).statusCode,
    ).toBe(404);
  });

  it("deactivates a user, ending their sessions, and replaces roles", async () => {
    const { s, id: managerId } = await manager();
    const target = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
    const targetSession = await login(t.app, target.username);
    const roles = await s.request({
      method: "PATCH",
      url: `/api/ambiti/${ambito.slug}/users/${target.id}`,
      payload: { roles: [{ role: "mayor" }] },
    });
    expect(roles.json().roles).toEqual([expect.objectContaining({ role: "mayor" })]);
    const off = await s.request({
      method: "PATCH",
      url: `/api/ambiti/${ambito.slug}/users/${target.id}`,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await targetSession.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    const self = await s.request({
      method: "PATCH",
      url: `/api/ambiti/${ambito.slug}/users/${managerId}`,
      payload: { active: false },
    });
    expect(self.statusCode).toBe(400);
  });

  it("does not let a planner officer create accounts", async () => {
    const officer = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
    const s = await login(t.app, officer.username);
    const res = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      payload: {
        username: "x.y.z",
        displayName: "X",
        password: "una-password-lunga-1",
        roles: [{ role: "udp_manager" }],
      },
    });
    expect(res.statusCode).toBe(403);
  });
});
