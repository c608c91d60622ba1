import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/server/db/database.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "filiera-cli-"));
const pgliteDir = join(dir, "pglite");
// The CLI gets its own embedded database: these tests are about the command line, not the engine.
const env = { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "", LOG_LEVEL: "silent", SCRYPT_LOG_N: "10" };
delete (env as Record<string, string | undefined>).DATABASE_URL;

async function filiera(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/filiera.js", ...args], { env, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("filiera CLI", () => {
  it("prints help for every module", async () => {
    const help = await filiera("--help");
    expect(help.code).toBe(0);
    for (const m of ["db", "user", "audit", "territory"]) expect(help.stdout).toContain(m);
    expect((await filiera("user", "add", "--help")).stdout).toContain("--role");
  });

  it("migrates, seeds the enti, adds users, and verifies the audit log; an altered row fails verify", {
    timeout: 180_000,
  }, async () => {
    expect((await filiera("db", "migrate")).stdout).toContain("0001-platform");
    expect((await filiera("territory", "seed")).stdout).toContain("visconteo-sud-milano");

    const bad = await filiera(
      "user",
      "add",
      "as.x",
      "--name",
      "X",
      "--role",
      "social_worker",
      "--ambito",
      "visconteo-sud-milano",
      "--password",
      "una-password-lunga-1",
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("comuneIstat: required for this role");

    const ok = await filiera(
      "user",
      "add",
      "as.binasco",
      "--name",
      "AS Binasco",
      "--role",
      "social_worker",
      "--ambito",
      "visconteo-sud-milano",
      "--comune",
      "015024",
      "--password",
      "una-password-lunga-1",
      "--json",
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      username: "as.binasco",
      roles: [{ role: "social_worker", comuneIstat: "015024" }],
    });

    const verify = await filiera("audit", "verify", "--json");
    expect(verify.code).toBe(0);
    const chains = JSON.parse(verify.stdout) as { ok: boolean; events: number }[];
    expect(chains.every((c) => c.ok)).toBe(true);

    const opened = await openDatabase({ kind: "pglite", dir: pgliteDir });
    await opened.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_event set details = '{"roles":"system_admin"}' where action = 'user.create'`.execute(trx);
    });
    await opened.close();

    const altered = await filiera("audit", "verify");
    expect(altered.code).toBe(3);
    expect(altered.stdout).toMatch(/ALTERED .*event 1/);
  });
});
