import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "filiera-budget-cli-"));
// The CLI gets its own embedded database: these tests are about the command line.
const env = { ...process.env, PGLITE_DIR: join(dir, "pglite"), LOG_LEVEL: "silent", SCRYPT_LOG_N: "10" };
delete (env as Record<string, string | undefined>).DATABASE_URL;
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

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

describe("filiera budget import-table", () => {
  it("saves a mapping, imports a BDAP-like file once, and refuses a broken one with exit 2", {
    timeout: 600_000,
  }, async () => {
    expect((await filiera("territory", "seed")).stdout).toContain("milano");
    const saved = await filiera(
      "budget",
      "mapping",
      "save",
      "bdap-spese",
      "--ente",
      "milano",
      "--file",
      fixture("bdap-mapping.json"),
    );
    expect(saved.stdout).toContain("mapping 'bdap-spese' saved for milano");
    const ok = await filiera(
      "budget",
      "import-table",
      fixture("bdap-spese-2022-settore-235.csv"),
      "--ente",
      "milano",
      "--mapping",
      "bdap-spese",
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("1.B: 38 lines — PREVISIONE 7.352.810,00; PREVISIONE anno prima 10.208.810,00");
    expect(ok.stdout).toMatch(/imported: imported as document \d+/);

    const broken = await filiera(
      "budget",
      "import-table",
      fixture("bdap-bad-amount.csv"),
      "--ente",
      "milano",
      "--mapping",
      "bdap-spese",
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      "line 6, forecast: expected an amount not below zero such as 1.234,56 or 1234,56, found '12.34,5X'",
    );
    expect(broken.stderr).toContain("Refused: 1 problem(s); nothing was written");
  });
});
