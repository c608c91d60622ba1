import type { FastifyInstance, InjectOptions } from "fastify";
import type { Response } from "light-my-request";
import { buildApp } from "../../src/server/app.ts";
import type { Config } from "../../src/server/config.ts";
import type { Db } from "../../src/server/db/database.ts";
import { testConfig } from "./config.ts";
import { testDb, usingPostgres } from "./db.ts";
import { TEST_PASSWORD } from "./factories.ts";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  config: Config;
}

export async function testApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await testDb();
  const config = testConfig(overrides);
  const app = await buildApp({ config, db, dbKind: usingPostgres() ? "postgres" : "pglite" });
  await app.ready();
  return { app, db, config };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** inject() with the session cookie and, for writes, the CSRF header. */
  request: (opts: InjectOptions) => Promise<Response>;
}

let ipCounter = 0;
/** Each session logs in from its own address so the per-IP login throttle does not couple tests. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  ipCounter++;
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: `127.${process.pid % 250}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === "filiera_sid");
  if (!setCookie) throw new Error("no session cookie");
  const cookie = `filiera_sid=${setCookie.value}`;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: (opts) =>
      app.inject({
        ...opts,
        headers: { cookie, ...(opts.method && opts.method !== "GET" ? { "x-csrf-token": csrf } : {}), ...opts.headers },
      }),
  };
}
