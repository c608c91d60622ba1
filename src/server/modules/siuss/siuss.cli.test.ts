import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { validateFlow } from "./validate.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "filiera-siuss-cli-"));
// The CLI gets its own embedded database, as in test/cli.test.ts.
const env: Record<string, string | undefined> = {
  ...process.env,
  PGLITE_DIR: join(dir, "pglite"),
  LOG_LEVEL: "silent",
  SCRYPT_LOG_N: "10",
};
delete env.DATABASE_URL;

async function filiera(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/filiera.js", ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("filiera siuss", () => {
  it("exports synthetic data to XML files valid against the INPS schemas; bad options fail clearly", {
    timeout: 300_000,
  }, async () => {
    expect((await filiera("territory", "seed")).code).toBe(0);
    const worker = await filiera(
      "user",
      "add",
      "as.siuss",
      "--name",
      "AS",
      "--role",
      "social_worker",
      "--ambito",
      "visconteo-sud-milano",
      "--comune",
      "015189",
      "--password",
      "una-password-lunga-1",
    );
    expect(worker.code, worker.stderr).toBe(0);
    const seeded = await filiera(
      "siuss",
      "synthetic",
      "--ambito",
      "visconteo-sud-milano",
      "--people",
      "300",
      "--seed",
      "cli",
    );
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout).person).toBeGreaterThanOrEqual(300);

    const out = join(dir, "out");
    const year = new Date().getUTCFullYear();
    const res = await filiera(
      "siuss",
      "export",
      "--ambito",
      "visconteo-sud-milano",
      "--out",
      out,
      "--operator-cf",
      "RSSMRA80A01H501U",
      "--from",
      `${year}-01-01`,
      "--json",
    );
    expect(res.code, res.stderr).toBe(0);
    const result = JSON.parse(res.stdout) as {
      files: { name: string; kind: "PS_PSA_SINA" | "SINBA" }[];
      beneficiaries: number;
    };
    expect(result.beneficiaries).toBeGreaterThan(0);
    expect(readdirSync(out).sort()).toEqual(result.files.map((f) => f.name).sort());
    for (const f of result.files) {
      const check = await validateFlow(f.kind, readFileSync(join(out, f.name), "utf8"));
      expect(check.valid, f.name).toBe(true);
    }

    const badCf = await filiera(
      "siuss",
      "export",
      "--ambito",
      "visconteo-sud-milano",
      "--out",
      join(dir, "x"),
      "--operator-cf",
      "RSSMRA80A01H501X",
    );
    expect(badCf.code).not.toBe(0);
    expect(badCf.stderr).toContain("codice fiscale");
    const badDate = await filiera(
      "siuss",
      "export",
      "--ambito",
      "visconteo-sud-milano",
      "--out",
      join(dir, "x"),
      "--operator-cf",
      "RSSMRA80A01H501U",
      "--from",
      "2026-13",
    );
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--from");
  });
});
