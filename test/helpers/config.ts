import { type Config, loadConfig } from "../../src/server/config.ts";

/** Test configuration: cheap password hashing, silent logs, PostgreSQL when DATABASE_URL is set. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SCRYPT_LOG_N: "10",
    PGLITE_DIR: ":memory:",
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...overrides,
  });
}
