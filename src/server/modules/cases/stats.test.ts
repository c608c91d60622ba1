import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { ensureServices } from "../../seed/synthetic/context.ts";
import { cellsToSuppress } from "./stats.suppress.ts";
import { casesStats } from "./stats.ts";

const cells = (...people: number[]) => people.map((p) => ({ people: p }));
const total = (people: number) => ({ people });

describe("small-count suppression", () => {
  it("hides cells under 5 and, when only one is hidden, the smallest other one too", () => {
    expect([...cellsToSuppress(cells(10, 7, 2), total(19)).cells].sort()).toEqual([1, 2]);
    expect(cellsToSuppress(cells(10, 7, 2), total(19)).total).toBe(false);
  });

  it("needs no complement when two cells are already hidden, and shows zeros", () => {
    expect([...cellsToSuppress(cells(3, 2, 10, 0), total(15)).cells].sort()).toEqual([0, 1]);
    expect(cellsToSuppress(cells(10, 7, 6), total(23)).cells.size).toBe(0);
  });

  it("hides the total when it is small or when a lone hidden cell has no partner", () => {
    expect(cellsToSuppress(cells(3), total(3)).total).toBe(true);
    expect(cellsToSuppress(cells(3, 0, 0), total(3)).total).toBe(true);
  });

  it("also protects other small counts of a cell (e.g. new cases)", () => {
    const s = cellsToSuppress(
      [
        { people: 40, alsoCounts: [2] },
        { people: 30, alsoCounts: [12] },
        { people: 20, alsoCounts: [9] },
      ],
      { people: 90, alsoCounts: [23] },
    );
    expect([...s.cells].sort()).toEqual([0, 2]);
  });
});

let t: TestApp;
let ambito: TestAmbito;

/** n people in a Comune, each with an open case in the area and one SAD intervention. */
async function peopleInCare(comune: string, n: number, worker: number) {
  const services = await ensureServices(t.db, ambito.id);
  for (let i = 0; i < n; i++) {
    const personId = randomUUID();
    const caseId = randomUUID();
    await t.db
      .insertInto("person")
      .values({
        ambito_id: ambito.id,
        id: personId,
        comune_istat: comune,
        fiscal_code: null,
        provisional: true,
        family_name: "Sintetico",
        given_name: `P${i}`,
      })
      .execute();
    await t.db
      .insertInto("social_case")
      .values({
        ambito_id: ambito.id,
        id: caseId,
        person_id: personId,
        comune_istat: comune,
        responsible_user_id: worker,
        user_area: "anziani",
        siuss_area: 2,
        level: "voluntary",
        opened_on: "2026-02-01",
      })
      .execute();
    await t.db
      .insertInto("intervention")
      .values({
        ambito_id: ambito.id,
        case_id: caseId,
        person_id: personId,
        service_type_id: services.sad,
        comune_istat: comune,
        start_date: "2026-03-01",
        amount_cents: 10_000,
        share_comune_cents: 8_000,
        share_user_cents: 2_000,
        share_health_cents: 0,
      })
      .execute();
  }
}

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const worker = await createTestUser(t.db, [
    { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano },
  ]);
  await peopleInCare(ambito.comuni.rozzano, 12, worker.id);
  await peopleInCare(ambito.comuni.opera, 3, worker.id);
});

const Q = { from: "2026-01-01", to: "2026-11-25", by: ["comune" as const], granularity: "year" as const };

describe("planning statistics", () => {
  it("counts people in charge and new cases by Comune for the Ufficio di Piano", async () => {
    const s = await casesStats(t.db, ambito.id, { ...Q, measure: "cases" }, "internal");
    expect(s.cells).toEqual([
      { key: { comune: ambito.comuni.opera }, people: 3, newCases: 3, suppressed: false },
      { key: { comune: ambito.comuni.rozzano }, people: 12, newCases: 12, suppressed: false },
    ]);
    expect(s.total).toMatchObject({ people: 15, newCases: 15 });
    const i = await casesStats(t.db, ambito.id, { ...Q, measure: "interventions", by: ["service"] }, "internal");
    expect(i.cells).toEqual([
      {
        key: { service: "A2.07" },
        people: 15,
        interventions: 15,
        spendingCents: { comune: 120_000, user: 30_000, health: 0 },
        suppressed: false,
      },
    ]);
  });

  it("suppresses the small Comune and its complement outside the Ambito, keeping the total", async () => {
    const s = await casesStats(t.db, ambito.id, { ...Q, measure: "cases" }, "public");
    expect(s.cells.every((c) => c.suppressed && c.people === null && c.newCases === null)).toBe(true);
    expect(s.total).toMatchObject({ people: 15, suppressed: false });
    expect(s.threshold).toBe(5);
  });

  it("serves public tables to the mayor and refuses unsuppressed ones", async () => {
    const mayor = await createTestUser(t.db, [{ role: "mayor", ambitoId: ambito.id }]);
    const s = await login(t.app, mayor.username);
    const url = `/api/ambiti/${ambito.slug}/cases/stats?from=2026-01-01&to=2026-11-25&by=comune`;
    const pub = await s.request({ method: "GET", url });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().cells.map((c: { people: number | null }) => c.people)).toEqual([null, null]);
    const internal = await s.request({ method: "GET", url: `${url}&audience=internal` });
    expect(internal.statusCode).toBe(403);
    const udp = await login(
      t.app,
      (await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }])).username,
    );
    const full = await udp.request({ method: "GET", url: `${url}&audience=internal` });
    expect(full.json().cells.map((c: { people: number | null }) => c.people)).toEqual([3, 12]);
    const bad = await udp.request({ method: "GET", url: `${url}&by=name` });
    expect(bad.statusCode).toBe(400);
    const worker = await login(
      t.app,
      (await createTestUser(t.db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano }]))
        .username,
    );
    expect((await worker.request({ method: "GET", url })).statusCode).toBe(403);
  });
});
