import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/helpers/db.ts";
import { createTestAmbito } from "../../../../test/helpers/factories.ts";
import type { Db } from "../../db/database.ts";
import { importBudgetReport } from "./budget.import.ts";
import { listChecks, sumLines } from "./budget.repo.ts";

const FIXTURE = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;
const SEED = readFileSync(FIXTURE, "utf8").split("\n");
const dir = mkdtempSync(join(tmpdir(), "filiera-budget-"));
let db: Db;

beforeAll(async () => {
  db = await testDb();
});

/** A copy of the seed with some lines replaced (1-based line number -> new text). */
function variant(name: string, edit: (lines: string[]) => string[]): string {
  const path = join(dir, name);
  writeFileSync(path, edit([...SEED]).join("\n"));
  return path;
}
const documentsOf = (ambitoId: number) =>
  db.selectFrom("budget_document").selectAll().where("ambito_id", "=", ambitoId).execute();
const linesOf = async (ambitoId: number) =>
  Number(
    (
      await db
        .selectFrom("budget_line")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("ambito_id", "=", ambitoId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("budget import", () => {
  it("imports seed 003 with every check passed, and the totals add up in the database", async () => {
    const ambito = await createTestAmbito(db);
    const report = await importBudgetReport(db, ambito.id, FIXTURE);
    expect(report.problems).toEqual([]);
    expect(report.checks.failed).toEqual([]);
    expect(report).toMatchObject({ ok: true, status: "imported" });
    const id = report.documentId as number;
    const [doc] = await documentsOf(ambito.id);
    expect(doc).toMatchObject({
      id,
      year: 2022,
      kind: "previsione",
      lines: 366,
      checks_failed: 0,
      override_note: null,
    });
    expect(await linesOf(ambito.id)).toBe(366);
    const bySection = await sumLines(db, ambito.id, id, "section");
    expect(bySection).toEqual([
      {
        key: "1.A",
        lines: 83,
        forecastCents: 15374879000,
        priorForecastCents: 12728860000,
        priorActualCents: 10118574255,
      },
      {
        key: "1.B",
        lines: 249,
        forecastCents: 27520949305,
        priorForecastCents: 24674450000,
        priorActualCents: 22819535772,
      },
      { key: "2.A", lines: 9, forecastCents: 298620807, priorForecastCents: 130625000, priorActualCents: 121630057 },
      { key: "2.B", lines: 25, forecastCents: 501312941, priorForecastCents: 338208600, priorActualCents: 136147901 },
    ]);
    const checks = await listChecks(db, ambito.id, id);
    expect(checks.length).toBe(report.checks.total);
    expect(checks.every((c) => c.passed)).toBe(true);
    const audit = await db
      .selectFrom("audit_event")
      .select(["action", "entity_id"])
      .where("ambito_id", "=", ambito.id)
      .where("action", "like", "budget.%")
      .execute();
    expect(audit).toEqual([{ action: "budget.import", entity_id: String(id) }]);
  });

  it("does not import the same file twice", async () => {
    const ambito = await createTestAmbito(db);
    const first = await importBudgetReport(db, ambito.id, FIXTURE);
    const second = await importBudgetReport(db, ambito.id, FIXTURE);
    expect(second).toMatchObject({ ok: true, status: "already-imported", documentId: first.documentId });
    expect(second.message).toMatch(/already imported/);
    expect(await documentsOf(ambito.id)).toHaveLength(1);
    expect(await linesOf(ambito.id)).toBe(366);
  });

  it("writes nothing on a dry run", async () => {
    const ambito = await createTestAmbito(db);
    const report = await importBudgetReport(db, ambito.id, FIXTURE, { dryRun: true });
    expect(report).toMatchObject({ ok: true, status: "dry-run", documentId: null });
    expect(await documentsOf(ambito.id)).toEqual([]);
  });

  it("refuses an altered amount: the failed checks name their lines, and nothing is written", async () => {
    const ambito = await createTestAmbito(db);
    const path = variant("altered.txt", (l) => {
      l[23] = (l[23] as string).replace("V3.900.180,00", "V3.900.181,00");
      return l;
    });
    const report = await importBudgetReport(db, ambito.id, path);
    expect(report).toMatchObject({ ok: false, status: "refused" });
    expect(report.problems).toEqual([]);
    const lines = report.checks.failed.map((c) => c.line);
    expect(lines).toEqual(expect.arrayContaining([78, 96, 474, 1841, 1845]));
    const tipologia = report.checks.failed.find((c) => c.line === 78);
    expect(tipologia?.expected).toContain("PREVISIONE 2022 48.305.821,00");
    expect(tipologia?.found).toContain("PREVISIONE 2022 48.305.820,00");
    expect(await documentsOf(ambito.id)).toEqual([]);
  });

  it("imports failed checks only with an explicit override, recorded on the document and audited", async () => {
    const ambito = await createTestAmbito(db);
    const path = variant("override.txt", (l) => {
      l[473] = (l[473] as string).replace("153.748.790,00", "153.748.790,01");
      return l;
    });
    const report = await importBudgetReport(db, ambito.id, path, {
      acceptFailedChecks: "Typo in the printed total, confirmed by Ragioneria",
    });
    expect(report).toMatchObject({
      ok: true,
      status: "imported",
      overrideNote: "Typo in the printed total, confirmed by Ragioneria",
    });
    expect(report.checks.failed.map((c) => c.line)).toEqual([474]);
    const [doc] = await documentsOf(ambito.id);
    expect(doc).toMatchObject({
      checks_failed: 1,
      override_note: "Typo in the printed total, confirmed by Ragioneria",
    });
    const failed = (await listChecks(db, ambito.id, doc?.id as number)).filter((c) => !c.passed);
    expect(failed).toMatchObject([{ line: 474 }]);
    const audit = await db
      .selectFrom("audit_event")
      .select(["action", "details"])
      .where("ambito_id", "=", ambito.id)
      .where("action", "like", "budget.%")
      .execute();
    expect(audit).toMatchObject([{ action: "budget.import_override" }]);
  });

  it("refuses a truncated file: missing sections and totals are reported, nothing is written", async () => {
    const ambito = await createTestAmbito(db);
    const report = await importBudgetReport(
      db,
      ambito.id,
      variant("truncated.txt", (l) => l.slice(0, 1500)),
    );
    expect(report.status).toBe("refused");
    const expected = report.problems.map((p) => p.expected).join("\n");
    expect(expected).toMatch(/closing total of section 1.B/);
    expect(expected).toMatch(/section 2.C/);
    expect(report.problems.every((p) => p.line === 1500 && /end of the file/.test(p.found))).toBe(true);
    expect(await documentsOf(ambito.id)).toEqual([]);
  });

  it("refuses an unparseable amount at the line where its record starts", async () => {
    const ambito = await createTestAmbito(db);
    const path = variant("bad-amount.txt", (l) => {
      l[23] = (l[23] as string).replace("V3.900.180,00", "V3.900.18O,00");
      return l;
    });
    const report = await importBudgetReport(db, ambito.id, path);
    expect(report.status).toBe("refused");
    expect(report.problems[0]).toMatchObject({ line: 24, expected: expect.stringContaining("<capitolo> <articolo>") });
    expect(report.problems[0]?.found).toContain("V3.900.18O,00");
    expect(await documentsOf(ambito.id)).toEqual([]);
  });

  it("refuses a file of another layout with a clear message", async () => {
    const ambito = await createTestAmbito(db);
    const path = join(dir, "other.csv");
    writeFileSync(path, "capitolo;articolo;descrizione;importo\n27;1;TRASFERIMENTI;1.234,00\n");
    const report = await importBudgetReport(db, ambito.id, path);
    expect(report.status).toBe("refused");
    expect(report.message).toMatch(
      /^not a Bilancio report: expected .*REPORT COMMISSIONI.* at line 1, found 'capitolo;articolo/,
    );
    expect(await documentsOf(ambito.id)).toEqual([]);
  });

  it("refuses a report whose year is not the one asked for", async () => {
    const ambito = await createTestAmbito(db);
    const report = await importBudgetReport(db, ambito.id, FIXTURE, { year: 2023 });
    expect(report.status).toBe("refused");
    expect(report.problems[0]?.expected).toMatch(/year 2023/);
  });
});
