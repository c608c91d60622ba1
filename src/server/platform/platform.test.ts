import { beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../../../test/helpers/app.ts";
import { ConfigError, loadConfig } from "../config.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe("configuration", () => {
  it("lists every invalid setting at once", () => {
    try {
      loadConfig({ PORT: "http", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", OIDC_ISSUER: "https://id.example" });
      expect.unreachable("config should have been refused");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join("\n");
      expect(text).toContain("PORT");
      expect(text).toContain("DATABASE_URL");
      expect(text).toContain("LOG_LEVEL");
    }
  });

  it("requires OIDC settings together and refuses public demo accounts in production", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://id.example" })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SEED_DEMO/);
    expect(loadConfig({ NODE_ENV: "production", SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("defaults to embedded PGlite under ./data and port 3000", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: "pglite", dir: "./data/pglite" });
  });
});

describe("operations endpoints", () => {
  it("reports liveness and readiness with the migrations applied", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().migrations).toBeGreaterThanOrEqual(2);
  });

  it("publishes the OpenAPI document with the JSON login endpoint and a docs page", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const loginOp = spec.paths["/api/auth/login"].post;
    expect(loginOp.requestBody.content["application/json"].schema.properties).toHaveProperty("username");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/ambiti/{ambito}", "/api/ambiti/{ambito}/people"]),
    );
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBeDefined();
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/no-such-thing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });
});
