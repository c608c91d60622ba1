import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { type Permission, ROLE_SCOPE, ROLES, type Role, roleHas } from "../../../shared/contracts/rbac.ts";
import type { DeclaredRoute } from "./auth.plugin.ts";

let t: TestApp;
let ambito: TestAmbito;
const sessions = new Map<Role, Session>();
const UUID = "00000000-0000-4000-8000-000000000000";

/** A concrete URL for a declared route: the test Ambito, and ids that exist nowhere. */
const concrete = (url: string) => url.replace(":ambito", ambito.slug).replace(":id", "999999");
const concreteBadId = (url: string) => url.replace(":ambito", ambito.slug).replace(":id", "not-an-id");
const withUuid = (url: string) => (url.includes("/people/") ? url.replace("999999", UUID) : url);

async function sessionFor(role: Role): Promise<Session> {
  const existing = sessions.get(role);
  if (existing) return existing;
  const scope = ROLE_SCOPE[role];
  const user = await createTestUser(t.db, [
    {
      role,
      ambitoId: scope.ambito ? ambito.id : null,
      ...(scope.comune === "required" ? { comuneIstat: ambito.comuni.rozzano } : {}),
      ...(scope.organisation ? { organisationId: ambito.organisationId } : {}),
    },
  ]);
  const s = await login(t.app, user.username);
  sessions.set(role, s);
  return s;
}

const routes = () => t.app.accessTable.filter((r) => r.url.startsWith("/api/"));
const permissionOf = (r: DeclaredRoute): Permission | null => ("permission" in r.access ? r.access.permission : null);

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
});

describe("every route declares its access", () => {
  it("has a non-empty access table covering the API", () => {
    const urls = routes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(["POST /api/auth/login", "GET /api/ambiti/:ambito/people"]));
  });

  it("answers 401 without a session on every non-public route", async () => {
    for (const r of routes().filter((r) => !("public" in r.access))) {
      const res = await t.app.inject({
        method: r.method as "GET",
        url: withUuid(concrete(r.url)),
        payload: r.method === "GET" ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});

describe("role × permission matrix", () => {
  // One test per role: each walks every route of the API.
  it.each(ROLES)("allows %s exactly what the matrix grants, on every route", async (role) => {
    const s = await sessionFor(role);
    for (const r of routes()) {
      const permission = permissionOf(r);
      if (!permission) continue;
      const global = !r.url.includes(":ambito");
      const allowed = roleHas(role, permission) && (!global || !ROLE_SCOPE[role].ambito);
      const res = await s.request({
        method: r.method as "GET",
        url: withUuid(concrete(r.url)),
        payload: r.method === "GET" ? undefined : {},
      });
      const label = `${role} ${r.method} ${r.url} (${permission})`;
      if (allowed) expect(res.statusCode, label).not.toBe(403);
      else expect(res.statusCode, label).toBe(403);
    }
  });

  it("keeps personal data away from administrators, mayors and planners", () => {
    for (const role of [
      "system_admin",
      "mayor",
      "udp_manager",
      "udp_officer",
      "accounting_officer",
      "citizen",
    ] as Role[]) {
      expect(roleHas(role, "people:read"), role).toBe(false);
    }
    expect(roleHas("social_worker", "people:read")).toBe(true);
    expect(ROLE_SCOPE.social_worker.comune).toBe("required");
  });

  it("gives mayors read-only access", () => {
    for (const r of routes()) {
      const p = permissionOf(r);
      if (p && roleHas("mayor", p)) expect(p.endsWith(":read"), `${r.url} ${p}`).toBe(true);
    }
  });

  it("refuses 403 to a user of another Ambito, and 404 for an unknown Ambito", async () => {
    const other = await createTestAmbito(t.db);
    const outsider = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: other.id }]);
    const s = await login(t.app, outsider.username);
    const res = await s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}` });
    expect(res.statusCode).toBe(403);
    const missing = await s.request({ method: "GET", url: "/api/ambiti/no-such-ambito" });
    expect(missing.statusCode).toBe(404);
  });
});

describe("bad input answers 400 with field messages, never 500", () => {
  it("rejects malformed bodies, ids and queries on every route that takes them", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    let checked = 0;
    for (const r of routes()) {
      const permission = permissionOf(r);
      if (!permission) continue;
      const role = ROLES.find(
        (x) => roleHas(x, permission) && (r.url.includes(":ambito") ? ROLE_SCOPE[x].ambito : !ROLE_SCOPE[x].ambito),
      );
      if (!role) continue;
      const s = await sessionFor(role);
      const op = spec.paths[r.url.replace(/:(\w+)/g, "{$1}")]?.[r.method.toLowerCase()];
      const label = `${r.method} ${r.url}`;
      if (op?.requestBody) {
        const res = await s.request({ method: r.method as "POST", url: withUuid(concrete(r.url)), payload: [] });
        expect(res.statusCode, label).toBe(400);
        expect(res.json().error.code, label).toBe("VALIDATION");
        checked++;
      }
      if (r.url.includes(":id")) {
        const res = await s.request({
          method: r.method as "GET",
          url: concreteBadId(r.url),
          payload: r.method === "GET" ? undefined : {},
        });
        expect(res.statusCode, label).toBe(400);
        expect(res.json().error.fields?.[0]?.path, label).toMatch(/^params\./);
        checked++;
      }
      const intQuery = (op?.parameters ?? []).find(
        (p: { in: string; schema?: { type?: string } }) => p.in === "query" && p.schema?.type === "integer",
      );
      if (intQuery) {
        const res = await s.request({ method: "GET", url: `${concrete(r.url)}?${intQuery.name}=abc` });
        expect(res.statusCode, label).toBe(400);
        const paths = res.json().error.fields.map((f: { path: string }) => f.path);
        expect(paths, label).toContain(`querystring.${intQuery.name}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("answers 400, not 500, to a body that is not JSON", async () => {
    const s = await sessionFor("udp_manager");
    const res = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/users`,
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
  });
});
