import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { createPlanObjectiveAndService } from "../../../../test/helpers/targets.ts";
import { importBudgetReport } from "./budget.import.ts";
import { seedFunds } from "./budget.seed.ts";

const FIXTURE = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;
let t: TestApp;
let ambito: TestAmbito;
let officer: Session;
let mayor: Session;
let documentId: number;
let targets: { objectiveId: string; serviceId: string };

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  await seedFunds(t.db, ambito.id);
  documentId = (await importBudgetReport(t.db, ambito.id, FIXTURE)).documentId as number;
  targets = await createPlanObjectiveAndService(t.db, ambito.id);
  officer = await login(
    t.app,
    (await createTestUser(t.db, [{ role: "accounting_officer", ambitoId: ambito.id }])).username,
  );
  mayor = await login(t.app, (await createTestUser(t.db, [{ role: "mayor", ambitoId: ambito.id }])).username);
});

const api = (rest: string) => `/api/ambiti/${ambito.slug}/budget${rest}`;

describe("budget lines linked to what they pay for", () => {
  it("splits a spending line between an objective and a service, and answers what the objective costs", async () => {
    // Seed 003, 1.B capitolo 3752/5: "BENI DI CONSUMO - PROGETTI UE", forecast 3.800,00 €.
    const lineId = `${documentId}:3752/5/0`;
    const link = (payload: object) => officer.request({ method: "POST", url: api("/line-links"), payload });
    const toObjective = await link({
      lineId,
      targetKind: "plan_objective",
      targetId: targets.objectiveId,
      shareBp: 6000,
    });
    expect(toObjective.statusCode).toBe(201);
    expect(toObjective.json()).toMatchObject({
      forecastCents: 228000,
      targetLabel: "7.1.1 Cartella sociale informatizzata (2025-2027)",
    });
    expect((await link({ lineId, targetKind: "service", targetId: targets.serviceId, shareBp: 4000 })).statusCode).toBe(
      201,
    );

    const full = await link({ lineId, targetKind: "service", targetId: "1", shareBp: 1 });
    expect(full.statusCode).toBe(400);
    const unknown = await link({ lineId, targetKind: "plan_objective", targetId: "999:1.1", shareBp: 1 });
    expect(unknown.json().error.fields[0].path).toBe("body.targetId");
    const revenue = await t.db
      .selectFrom("budget_line")
      .select(["capitolo", "articolo", "sub"])
      .where("ambito_id", "=", ambito.id)
      .where("document_id", "=", documentId)
      .where("section", "=", "1.A")
      .executeTakeFirstOrThrow();
    const refused = await link({
      lineId: `${documentId}:${revenue.capitolo}/${revenue.articolo}/${revenue.sub}`,
      targetKind: "service",
      targetId: targets.serviceId,
      shareBp: 100,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe("body.lineId");

    // A fund allocation to the same objective: FNPS 2023 (652.552,00 €) at 10 %.
    const funds = (await officer.request({ method: "GET", url: api("/funds?year=2023") })).json();
    const fnps = funds.assignments.find((a: { fundCode: string }) => a.fundCode === "FNPS");
    const alloc = await officer.request({
      method: "POST",
      url: api(`/funds/${fnps.id}/allocations`),
      payload: { targetKind: "plan_objective", targetId: targets.objectiveId, shareBp: 1000 },
    });
    expect(alloc.statusCode).toBe(201);

    const cost = await mayor.request({
      method: "GET",
      url: api(`/costs?targetKind=plan_objective&targetId=${encodeURIComponent(targets.objectiveId)}`),
    });
    expect(cost.statusCode).toBe(200);
    expect(cost.json()).toMatchObject({ fundsCents: 6535520, linesForecastCents: 228000 });
    expect(cost.json().lines).toHaveLength(1);
    expect(
      (await mayor.request({ method: "GET", url: api(`/line-links?lineId=${lineId}`) })).json().items,
    ).toHaveLength(2);
  });

  it("lets only budget writers link and unlink, and audits both", async () => {
    const lineId = `${documentId}:3752/5/0`;
    const payload = { lineId, targetKind: "service", targetId: targets.serviceId, shareBp: 1 };
    expect((await mayor.request({ method: "POST", url: api("/line-links"), payload })).statusCode).toBe(403);
    const q = `?lineId=${lineId}&targetKind=service&targetId=${targets.serviceId}`;
    expect((await officer.request({ method: "DELETE", url: api(`/line-links${q}`) })).statusCode).toBe(204);
    expect((await officer.request({ method: "DELETE", url: api(`/line-links${q}`) })).statusCode).toBe(404);
    const actions = await t.db
      .selectFrom("audit_event")
      .select("action")
      .where("chain_id", "=", ambito.id)
      .where("entity_id", "=", lineId)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["budget.line_link", "budget.line_link", "budget.line_unlink"]);
  });
});
