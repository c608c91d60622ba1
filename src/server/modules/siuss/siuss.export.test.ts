import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/helpers/db.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import { seedSyntheticAmbito } from "../../seed/synthetic/index.ts";
import { exportSiuss } from "./siuss.service.ts";
import { validateFlow } from "./validate.ts";

const TODAY = "2026-11-25";
const OPERATOR = "RSSMRA80A01H501U";
let db: Db;
let ambito: TestAmbito;

beforeAll(async () => {
  db = await testDb();
  ambito = await createTestAmbito(db);
  await createTestUser(db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano }]);
  await seedSyntheticAmbito(db, ambito.id, { seed: "export", people: 700, today: TODAY });
});

const outDir = () => mkdtemp(join(tmpdir(), "siuss-"));
const run = (dir: string, extra: Partial<Parameters<typeof exportSiuss>[2]> = {}) =>
  exportSiuss(db, ambito.id, {
    from: "2026-01-01",
    to: TODAY,
    outDir: dir,
    operatorFiscalCode: OPERATOR,
    today: TODAY,
    perFile: 150,
    pageSize: 300,
    actor: { userId: null, kind: "cli" },
    ...extra,
  });

describe("SIUSS export of the synthetic demo data", () => {
  it("writes PS-PSA-SINA and SINBA files that validate against both INPS schemas", async () => {
    const dir = await outDir();
    const result = await run(dir);
    expect(result.problems).toEqual([]);
    expect(result.beneficiaries).toBeGreaterThan(20);
    expect(result.benefits).toBeGreaterThanOrEqual(result.beneficiaries);
    expect(result.sinba).toBeGreaterThan(5);
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(result.files.map((f) => f.name).sort());
    expect(names.some((n) => n.includes(".PS."))).toBe(true);
    expect(names.some((n) => n.includes(".SINBA."))).toBe(true);
    for (const f of result.files) {
      const xml = await readFile(join(dir, f.name), "utf8");
      const check = await validateFlow(f.kind, xml);
      expect(check.problems, f.name).toEqual([]);
      if (f.kind === "SINBA") expect(xml).not.toMatch(/CodiceFiscale=|Cognome=/);
    }
    // Minors appear only pseudonymised: none of their codici fiscali is in any file.
    const minors = await db
      .selectFrom("person")
      .select("fiscal_code")
      .where("ambito_id", "=", ambito.id)
      .where("birth_date", ">", "2008-11-25")
      .where("fiscal_code", "is not", null)
      .execute();
    const all = (await Promise.all(result.files.map((f) => readFile(join(dir, f.name), "utf8")))).join("");
    expect(minors.length).toBeGreaterThan(0);
    for (const m of minors) expect(all).not.toContain(m.fiscal_code as string);
    const audit = await db
      .selectFrom("audit_event")
      .select(["details"])
      .where("ambito_id", "=", ambito.id)
      .where("action", "=", "siuss.export")
      .execute();
    expect(audit.length).toBe(1);
    expect(audit[0]?.details).toMatchObject({ beneficiaries: result.beneficiaries, sinba: result.sinba });
  });

  it("refuses the whole export, naming record and field, when one record is broken; skips it on request", async () => {
    const victim = await db
      .selectFrom("intervention as i")
      .innerJoin("person as p", (j) => j.onRef("p.ambito_id", "=", "i.ambito_id").onRef("p.id", "=", "i.person_id"))
      .select("p.id")
      .where("i.ambito_id", "=", ambito.id)
      .where("p.birth_date", "<", "1990-01-01")
      .where("p.fiscal_code", "is not", null)
      .where("i.start_date", ">=", "2026-01-01")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("person_detail")
      .set({ citizenship_code: "999" })
      .where("ambito_id", "=", ambito.id)
      .where("person_id", "=", victim.id)
      .execute();
    const dir = await outDir();
    const err = await run(dir).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields).toContainEqual({
      path: `${victim.id}.Anagrafica@CodiceCittadinanza`,
      message: expect.stringContaining("citizenship"),
    });
    expect(await readdir(dir)).toEqual([]);

    const skipped = await run(await outDir(), { skipInvalid: true });
    expect(skipped.problems.map((p) => p.record)).toEqual([victim.id]);
    expect(skipped.files.length).toBeGreaterThan(0);
  });

  it("turns a schema violation into the record and field at fault", async () => {
    const other = await createTestAmbito(db);
    await createTestUser(db, [{ role: "social_worker", ambitoId: other.id, comuneIstat: other.comuni.opera }]);
    await seedSyntheticAmbito(db, other.id, { seed: "broken", people: 150, today: TODAY });
    // Every service named shorter than the XSD's 10 characters for DenominazionePrestazione: whichever
    // interventions the synthetic stories hold in the period, each is a violation.
    await db.updateTable("service_type").set({ name: "SAD" }).where("ambito_id", "=", other.id).execute();
    const err = await exportSiuss(db, other.id, {
      from: "2026-01-01",
      to: TODAY,
      outDir: await outDir(),
      operatorFiscalCode: OPERATOR,
      today: TODAY,
      actor: { userId: null, kind: "cli" },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    const field = (err as AppError).fields?.[0];
    // Person / intervention, with "@year" for a periodic one (one record per year): whichever comes first.
    expect(field?.path).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}(@2026)?\.PrestazioniSociali@DenominazionePrestazione$/);
    expect(field?.message).toContain("minLength");
    // Nothing written, but the rejected files are on the flow register with their error count.
    const rejected = await db
      .selectFrom("siuss_flow")
      .select(["validation", "validation_errors", "channel", "records"])
      .where("ambito_id", "=", other.id)
      .execute();
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect(r).toMatchObject({ validation: "invalid", channel: "file" });
    expect(rejected.every((r) => r.validation_errors > 0 && r.records > 0)).toBe(true);
  });
});
