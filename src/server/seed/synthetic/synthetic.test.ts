import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/helpers/db.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { decodeFiscalCode, fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import type { Db } from "../../db/database.ts";
import { loadContext } from "./context.ts";
import { computeFiscalCode } from "./fiscal-code-gen.ts";
import { emptyBatch, generateHousehold } from "./generate.ts";
import { hasSynthetic, seedSyntheticAmbito } from "./index.ts";
import { Rng } from "./rng.ts";

let db: Db;
let ambito: TestAmbito;
const TODAY = "2026-11-25";

beforeAll(async () => {
  db = await testDb();
  ambito = await createTestAmbito(db);
  await createTestUser(db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano }]);
  await createTestUser(db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.opera }]);
});

describe("codice fiscale generator", () => {
  it("computes the published example code and resolves collisions by omocodia", () => {
    // The Agenzia delle Entrate's textbook example: Mario Rossi, born in Rome on 1980-01-01.
    expect(
      computeFiscalCode({
        familyName: "Rossi",
        givenName: "Mario",
        birthDate: "1980-01-01",
        sex: "M",
        birthPlace: "H501",
      }),
    ).toBe("RSSMRA80A01H501U");
    const twin = computeFiscalCode({
      familyName: "Rossi",
      givenName: "Mario",
      birthDate: "1980-01-01",
      sex: "M",
      birthPlace: "H501",
      variant: 1,
    });
    // Omocodia replaces the rightmost digit first (1 → M).
    expect(twin.slice(0, 15)).toBe("RSSMRA80A01H50M");
    expect(fiscalCodeProblem(twin)).toBeNull();
  });
});

describe("synthetic population", () => {
  it("is deterministic for a seed and date", async () => {
    const ctxA = await loadContext(db, ambito.id, {
      today: TODAY,
      inCareShare: 0.3,
      historyYears: 3,
      withFiscalCodes: false,
    });
    const ctxB = await loadContext(db, ambito.id, {
      today: TODAY,
      inCareShare: 0.3,
      historyYears: 3,
      withFiscalCodes: false,
    });
    const a = emptyBatch();
    const b = emptyBatch();
    const ra = new Rng("same");
    const rb = new Rng("same");
    for (let i = 0; i < 200; i++) generateHousehold(ra, ctxA, a);
    for (let i = 0; i < 200; i++) generateHousehold(rb, ctxB, b);
    expect(a).toEqual(b);
    expect(a.person.length).toBeGreaterThan(300);
  });

  it("writes people with valid codici fiscali that decode to their birth date and sex, and stories in every SIUSS area", async () => {
    const counts = await seedSyntheticAmbito(db, ambito.id, { seed: "t", people: 600, today: TODAY });
    expect(counts.person).toBeGreaterThanOrEqual(600);
    expect(await hasSynthetic(db, ambito.id)).toBe(true);
    const people = await db
      .selectFrom("person")
      .select(["fiscal_code", "birth_date", "sex", "provisional"])
      .where("ambito_id", "=", ambito.id)
      .execute();
    expect(people.length).toBe(counts.person);
    for (const p of people) {
      if (p.provisional) continue;
      const cf = p.fiscal_code as string;
      expect(fiscalCodeProblem(cf), cf).toBeNull();
      expect(decodeFiscalCode(cf, new Date(`${TODAY}T00:00:00Z`))).toEqual({ birthDate: p.birth_date, sex: p.sex });
    }
    const areas = await db
      .selectFrom("social_case")
      .select(["siuss_area", "level"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("ambito_id", "=", ambito.id)
      .groupBy(["siuss_area", "level"])
      .execute();
    expect(new Set(areas.map((a) => a.siuss_area))).toEqual(new Set([1, 2, 3]));
    expect(areas.some((a) => a.level === "court_mandate")).toBe(true);
    const interventions = await db
      .selectFrom("intervention")
      .select([
        "amount_cents",
        "share_comune_cents",
        "share_user_cents",
        "share_health_cents",
        "start_date",
        "end_date",
      ])
      .where("ambito_id", "=", ambito.id)
      .execute();
    expect(interventions.length).toBe(counts.intervention);
    for (const i of interventions) {
      expect(i.share_comune_cents + i.share_user_cents + i.share_health_cents).toBe(i.amount_cents);
      expect(i.start_date <= TODAY).toBe(true);
      if (i.end_date) expect(i.end_date >= i.start_date).toBe(true);
    }
  });
});
