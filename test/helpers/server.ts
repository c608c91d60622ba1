import type { AddressInfo } from "node:net";
import { buildApp } from "../../src/server/app.ts";
import { seedDemo } from "../../src/server/seed/demo.ts";
import { testConfig } from "./config.ts";
import { testDb, usingPostgres } from "./db.ts";

export interface TestServer {
  url: string;
  demoPassword: string;
  close: () => Promise<void>;
}

/** The real app with the demo data, listening on an ephemeral loopback port (for browser tests). */
export async function startTestServer(): Promise<TestServer> {
  const db = await testDb();
  const config = testConfig({ LOGIN_MAX_FAILURES: "50" });
  await seedDemo(db, { password: config.demoPassword, scryptLogN: config.scryptLogN });
  const app = await buildApp({ config, db, dbKind: usingPostgres() ? "postgres" : "pglite" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, demoPassword: config.demoPassword, close: () => app.close() };
}
