import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { createPlanObjectiveAndService } from "../../../../test/helpers/targets.ts";
import { importBudgetReport } from "./budget.import.ts";
import { seedFunds } from "./budget.seed.ts";
import { fundStatusOf } from "./funds.service.ts";

const FIXTURE = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;
let t: TestApp;
let ambito: TestAmbito;
let officer: Session;
let mayor: Session;
let documentId: number;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  expect(await seedFunds(t.db, ambito.id)).toBe(32);
  documentId = (await importBudgetReport(t.db, ambito.id, FIXTURE)).documentId as number;
  const a = await createTestUser(t.db, [{ role: "accounting_officer", ambitoId: ambito.id }]);
  const m = await createTestUser(t.db, [{ role: "mayor", ambitoId: ambito.id }]);
  officer = await login(t.app, a.username);
  mayor = await login(t.app, m.username);
});

const url = (rest = "") => `/api/ambiti/${ambito.slug}/budget/funds${rest}`;
type Assignment = { id: number; fundCode: string; year: number; label: string; amountCents: number; status: string };

describe("funds of the Ambito (seed 002, §2.5)", () => {
  it("holds the fund table with the printed yearly totals of 5.111.878,00 and 5.544.651,00 € plus PNRR", async () => {
    const res = await mayor.request({ method: "GET", url: url("?asOf=2024-06-30") });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const pnrr = body.assignments.filter((a: Assignment) => a.fundCode === "PNRR");
    const pnrrCents = pnrr.reduce((s: number, a: Assignment) => s + a.amountCents, 0);
    expect(pnrrCents).toBe(35749900 + 71000000 + 109000000);
    expect(body.years.find((y: { year: number }) => y.year === 2022).amountCents - pnrrCents).toBe(511187800);
    expect(body.years.find((y: { year: number }) => y.year === 2023).amountCents).toBe(554465100);
    const fnps = body.assignments.find((a: Assignment) => a.fundCode === "FNPS" && a.year === 2023);
    expect(fnps).toMatchObject({ amountCents: 65355200, status: "no_deadline", committedCents: 0 });
    // PNRR money runs to 31 March 2026: with nothing committed by mid-2024 every project is at risk.
    expect(body.alerts.map((a: Assignment) => a.label).sort()).toEqual(pnrr.map((a: Assignment) => a.label).sort());
    expect(pnrr.every((a: Assignment) => a.status === "at_risk")).toBe(true);
    expect(await seedFunds(t.db, ambito.id)).toBe(0);
  });

  it("applies the rule: committed share below elapsed time is at risk; past the deadline unpaid is expired", () => {
    const a = { amountCents: 100_000, committedCents: 40_000, paidCents: 0, year: 2024, assignedOn: "2024-01-01" };
    const spendBy = "2025-01-01"; // 366 days
    expect(fundStatusOf({ ...a, spendBy }, "2024-05-01")).toMatchObject({ status: "ok" }); // 33 % of the time
    expect(fundStatusOf({ ...a, spendBy }, "2024-07-01")).toMatchObject({ status: "at_risk", elapsedBp: 4972 });
    expect(fundStatusOf({ ...a, spendBy }, "2025-01-02")).toMatchObject({ status: "expired" });
    expect(fundStatusOf({ ...a, spendBy, committedCents: 100_000, paidCents: 100_000 }, "2025-06-01").status).toBe(
      "spent",
    );
    expect(fundStatusOf({ ...a, spendBy: null }, "2030-01-01").status).toBe("no_deadline");
  });

  it("records commitments and payments, keeps the balance, refuses over-commitment and over-payment", async () => {
    const list = (await officer.request({ method: "GET", url: url("?year=2022") })).json();
    const housing = list.assignments.find((a: Assignment) => a.label.startsWith("1.3.1"));
    const move = (payload: object) =>
      officer.request({ method: "POST", url: url(`/${housing.id}/movements`), payload });
    expect((await move({ kind: "payment", onDate: "2023-02-01", amountCents: 100, act: "Mandato 1" })).statusCode).toBe(
      400,
    ); // nothing committed yet
    expect(
      (await move({ kind: "commitment", onDate: "2023-01-15", amountCents: 50_000_000, act: "Det. 12/2023" }))
        .statusCode,
    ).toBe(201);
    expect(
      (await move({ kind: "payment", onDate: "2023-03-01", amountCents: 20_000_000, act: "Mandato 77" })).statusCode,
    ).toBe(201);
    const over = await move({ kind: "commitment", onDate: "2023-04-01", amountCents: 21_000_001, act: "Det. 13" });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0]).toEqual({
      path: "body.amountCents",
      message: "at most 21000000 cents are still to commit",
    });
    expect((await move({ kind: "commitment", onDate: "2999-01-01", amountCents: 1, act: "x" })).statusCode).toBe(400);
    const detail = (await mayor.request({ method: "GET", url: url(`/${housing.id}?asOf=2024-06-30`) })).json();
    expect(detail.assignment).toMatchObject({
      amountCents: 71_000_000,
      committedCents: 50_000_000,
      paidCents: 20_000_000,
      uncommittedCents: 21_000_000,
      unpaidCents: 51_000_000,
      committedBp: 7042,
      status: "ok",
    });
    expect(detail.movements.map((m: { act: string }) => m.act)).toEqual(["Det. 12/2023", "Mandato 77"]);
    expect(
      (await mayor.request({ method: "POST", url: url(`/${housing.id}/movements`), payload: {} })).statusCode,
    ).toBe(403);
  });

  it("says what an assignment pays for, checks budget-line targets and keeps shares within 100 %", async () => {
    const list = (await officer.request({ method: "GET", url: url("?year=2023") })).json();
    const fnps = list.assignments.find((a: Assignment) => a.fundCode === "FNPS");
    const alloc = (payload: object) =>
      officer.request({ method: "POST", url: url(`/${fnps.id}/allocations`), payload });
    expect(
      (await alloc({ targetKind: "budget_line", targetId: `${documentId}:3752/5/0`, shareBp: 2500 })).statusCode,
    ).toBe(201);
    const missing = await alloc({ targetKind: "budget_line", targetId: `${documentId}:9999/1/0`, shareBp: 100 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe("body.targetId");
    // Plan objectives and catalogue services are checked through the resolvers those modules give.
    const { objectiveId, serviceId } = await createPlanObjectiveAndService(t.db, ambito.id);
    const unknownObjective = await alloc({ targetKind: "plan_objective", targetId: "obj-csi", shareBp: 100 });
    expect(unknownObjective.statusCode).toBe(400);
    expect(unknownObjective.json().error.fields[0].path).toBe("body.targetId");
    expect((await alloc({ targetKind: "plan_objective", targetId: objectiveId, shareBp: 5000 })).statusCode).toBe(201);
    expect((await alloc({ targetKind: "service", targetId: "999999", shareBp: 100 })).statusCode).toBe(400);
    expect((await alloc({ targetKind: "service", targetId: serviceId, shareBp: 2500 })).statusCode).toBe(201);
    expect((await alloc({ targetKind: "service", targetId: serviceId, shareBp: 1 })).statusCode).toBe(409);
    const detail = (await officer.request({ method: "GET", url: url(`/${fnps.id}`) })).json();
    expect(detail.assignment.allocatedBp).toBe(10000);
    expect(detail.allocations[0]).toMatchObject({
      verified: true,
      amountCents: 16338800,
      targetLabel: "1.B 3752/5/0 BENI DI CONSUMO - PROGETTI UE - FIN.TO ALTRI SOGGETTI",
    });
    expect(detail.allocations[1]).toMatchObject({
      verified: true,
      targetLabel: "7.1.1 Cartella sociale informatizzata (2025-2027)",
      amountCents: 32677600,
    });
    expect(detail.allocations[2]).toMatchObject({ verified: true, targetLabel: "Servizio di assistenza domiciliare" });
  });

  it("keeps funds inside their Ambito", async () => {
    const other = await createTestAmbito(t.db);
    const list = (await officer.request({ method: "GET", url: url() })).json();
    const u = await createTestUser(t.db, [{ role: "accounting_officer", ambitoId: other.id }]);
    const s = await login(t.app, u.username);
    const res = await s.request({
      method: "GET",
      url: `/api/ambiti/${other.slug}/budget/funds/${list.assignments[0].id}`,
    });
    expect(res.statusCode).toBe(404);
  });
});
