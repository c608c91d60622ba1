import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { importBudgetReport } from "./budget.import.ts";

const FIXTURE = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;
let t: TestApp;
let ambito: TestAmbito;
let other: TestAmbito;
let mayor: Session;
let documentId: number;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  other = await createTestAmbito(t.db);
  documentId = (await importBudgetReport(t.db, ambito.id, FIXTURE)).documentId as number;
  const u = await createTestUser(t.db, [
    { role: "mayor", ambitoId: ambito.id },
    { role: "mayor", ambitoId: other.id },
  ]);
  mayor = await login(t.app, u.username);
});

const get = (url: string) => mayor.request({ method: "GET", url });

describe("budget routes", () => {
  it("lists the Ambito's documents", async () => {
    const res = await get(`/api/ambiti/${ambito.slug}/budget/documents`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject([{ id: documentId, year: 2022, kind: "previsione", lines: 366, checksFailed: 0 }]);
    expect((await get(`/api/ambiti/${other.slug}/budget/documents`)).json()).toEqual([]);
  });

  it("filters lines by section, settore and programma, with exact cents and source lines", async () => {
    const res = await get(
      `/api/ambiti/${ambito.slug}/budget/documents/${documentId}/lines?section=1.B&settore=51&programma=04`,
    );
    expect(res.statusCode).toBe(200);
    const lines = res.json();
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.every(
        (l: { section: string; settore: string; programma: string }) =>
          l.section === "1.B" && l.settore === "51" && l.programma === "04",
      ),
    ).toBe(true);
    const s1 = lines.find((l: { capitolo: number; articolo: number }) => l.capitolo === 3752 && l.articolo === 5);
    expect(s1).toMatchObject({
      forecastCents: 380000,
      priorActualCents: 0,
      vincolo: true,
      firstLine: 507,
      lastLine: 510,
      pdc: "U.1.03.01.02.000",
    });
  });

  it("sums per settore, titolo, macroaggregato and programma", async () => {
    const res = await get(`/api/ambiti/${ambito.slug}/budget/documents/${documentId}/summary`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.settore).toContainEqual({
      key: "1.A 51",
      lines: 19,
      forecastCents: 4852582000,
      priorForecastCents: 2638130000,
      priorActualCents: 1931836732,
    });
    expect(body.group).toContainEqual(expect.objectContaining({ key: "1.B 1.03", forecastCents: 20797436713 }));
    expect(body.programma).toContainEqual(expect.objectContaining({ key: "1.B 12.01", forecastCents: 8753432100 }));
    expect(body.programma).toContainEqual(expect.objectContaining({ key: "2.B 01.06", forecastCents: 30000000 }));
  });

  it("keeps documents inside their Ambito and validates ids and filters", async () => {
    expect((await get(`/api/ambiti/${other.slug}/budget/documents/${documentId}/summary`)).statusCode).toBe(404);
    expect((await get(`/api/ambiti/${ambito.slug}/budget/documents/not-an-id/lines`)).statusCode).toBe(400);
    expect((await get(`/api/ambiti/${ambito.slug}/budget/documents/${documentId}/lines?section=9.Z`)).statusCode).toBe(
      400,
    );
  });
});
