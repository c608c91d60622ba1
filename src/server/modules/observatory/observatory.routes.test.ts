import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestUser } from "../../../../test/helpers/factories.ts";
import { findTenant } from "../../platform/tenancy.ts";

let t: TestApp;
let planner: Session;
const VISCONTEO = "visconteo-sud-milano";
const CERNUSCO = "cernusco-distretto-4";

beforeAll(async () => {
  t = await testApp();
  const visconteo = await findTenant(t.db, VISCONTEO);
  const cernusco = await findTenant(t.db, CERNUSCO);
  const u = await createTestUser(t.db, [
    { role: "mayor", ambitoId: visconteo?.id ?? null },
    { role: "mayor", ambitoId: cernusco?.id ?? null },
  ]);
  planner = await login(t.app, u.username);
});

type Discrepancy = {
  table: string;
  row: string;
  column: string;
  kind: string;
  published: number;
  recomputed: number;
  line: number | null;
};
const check = async (slug: string): Promise<Discrepancy[]> => {
  const res = await planner.request({ method: "GET", url: `/api/ambiti/${slug}/observatory/check` });
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

describe("checker on the seeded tables (real figures of the two plans)", () => {
  it("finds the over-65 totals of Visconteo Tab.5 that exceed the whole population", async () => {
    const items = await check(VISCONTEO);
    const tab5 = items.filter((d) => d.table === "Tab.5" && d.kind === "count");
    expect(tab5.map((d) => [d.column, d.published, d.recomputed])).toEqual([
      ["2021_n", 175094, 26480],
      ["2022_n", 180012, 26763],
      ["2023_n", 179188, 27162],
    ]);
  });

  it("finds MEDIA rows that are not the mean of their Comuni, and the Ambito index from summed counts", async () => {
    const items = await check(VISCONTEO);
    const tab9 = items.find((d) => d.table === "Tab.9" && d.kind === "mean" && d.column === "2021");
    expect(tab9).toMatchObject({ published: 7, recomputed: 6.2 });
    // Tab.10 2021: 65+ = 26,480 and 0-14 = 17,596 (Tab.3) give 150.5, not the published 163.5.
    const tab10 = items.find((d) => d.table === "Tab.10" && d.kind === "index" && d.column === "2021");
    expect(tab10?.published).toBe(163.5);
    expect(tab10?.recomputed).toBeCloseTo((26480 / 17596) * 100, 2);
    // Tab.11 2019: a "mean" (8.6) above every Comune's value (max 8.4).
    expect(
      items.some((d) => d.table === "Tab.11" && d.kind === "mean" && d.column === "2019" && d.published === 8.6),
    ).toBe(true);
  });

  it("finds the 2022 foreign-resident shares of Tab.8 that do not follow from the counts", async () => {
    const items = await check(VISCONTEO);
    const opera = items.find((d) => d.table === "Tab.8" && d.row === "Opera" && d.column === "2022_pct");
    expect(opera?.kind).toBe("percentage");
    expect(opera?.published).toBe(8.6);
    expect(opera?.recomputed).toBeCloseTo((1111 / 14152) * 100, 2);
  });

  it("recomputes the Distretto 4 indices from Tabella 1's age classes", async () => {
    const items = await check(CERNUSCO);
    const bussero = items.find((d) => d.table === "Tabella 2" && d.row === "Bussero");
    expect(bussero?.kind).toBe("index");
    expect(bussero?.line).toBeGreaterThan(2600);
    const textMean = items.find((d) => d.table === "Tabella 12" && d.kind === "mean");
    expect(textMean).toMatchObject({ published: 19.5 });
    expect(items.every((d) => d.table !== "Tabella 1" || d.kind !== "sum")).toBe(true);
  });

  it("exports the findings as CSV", async () => {
    const res = await planner.request({ method: "GET", url: `/api/ambiti/${VISCONTEO}/observatory/check?format=csv` });
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toContain("tabella;riga;colonna");
    expect(lines.some((l) => l.includes("Tab.5") && l.includes("175094"))).toBe(true);
  });
});

describe("territorial profile", () => {
  it("computes every indicator the counts allow, per Comune and for the Ambito, and fills gaps with published values", async () => {
    const res = await planner.request({ method: "GET", url: `/api/ambiti/${CERNUSCO}/observatory/profile` });
    expect(res.statusCode).toBe(200);
    const profile = res.json();
    expect(profile.comuni).toHaveLength(9);
    const value = (territory: string, code: string, year: number) =>
      profile.values.find(
        (v: { territory: string; indicator: string; year: number }) =>
          v.territory === territory && v.indicator === code && v.year === year,
      );
    // Tabella 1 (31/12/2018 = 1/1/2019): Bellinzago 65+ = 781 + 83, 0-14 = 89 + 417.
    expect(value("015016", "old_age_index", 2019)).toMatchObject({
      origin: "computed",
      numerator: 864,
      denominator: 506,
    });
    // The Ambito: 65+ = 23,457 + 3,061 over 0-14 = 3,878 + 14,157, from summed counts.
    expect(value("AMBITO", "old_age_index", 2019).value).toBeCloseTo(((23457 + 3061) / (3878 + 14157)) * 100, 6);
    // Birth rate is only published (no births counts): shown as published with its table.
    expect(value("015016", "birth_rate", 2018)).toMatchObject({ origin: "published", table: "Tabella 11", value: 8.5 });
  });

  it("exports CSV, XLSX and an open-data CSV with small counts suppressed", async () => {
    const csv = await planner.request({ method: "GET", url: `/api/ambiti/${CERNUSCO}/observatory/profile?format=csv` });
    expect(csv.body.split("\r\n")[0]).toBe(
      "codice_istat;territorio;indicatore;anno;valore;numeratore;denominatore;origine;tabella",
    );
    const xlsx = await planner.request({
      method: "GET",
      url: `/api/ambiti/${CERNUSCO}/observatory/profile?format=xlsx`,
    });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const open = await planner.request({ method: "GET", url: `/api/ambiti/${VISCONTEO}/observatory/open-data.csv` });
    expect(open.statusCode).toBe(200);
    const rows = open.body
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(";"));
    for (const r of rows) {
      const [numerator, denominator] = [r[5], r[6]].map((x) => (x === "" ? null : Number(x)));
      if (numerator !== null) expect(numerator).toBeGreaterThanOrEqual(5);
      if (denominator !== null) expect(denominator).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("age structure for the pyramid", () => {
  it("gives the published age classes of the Ambito and of a Comune", async () => {
    const ambito = await planner.request({
      method: "GET",
      url: `/api/ambiti/${VISCONTEO}/observatory/age-structure?territory=AMBITO&year=2021`,
    });
    expect(ambito.statusCode).toBe(200);
    const classes = ambito.json().classes;
    // Seed 002 Tab.3: 13 classes from 0-4 to 95 and over, summing to 124,835.
    expect(classes[0]).toMatchObject({ ageFrom: 0, ageTo: 4, total: 4821, males: null });
    expect(classes.at(-1)).toMatchObject({ ageFrom: 95, ageTo: null, total: 169 });
    expect(classes.reduce((a: number, c: { total: number }) => a + c.total, 0)).toBe(124835);

    const bellinzago = await planner.request({
      method: "GET",
      url: `/api/ambiti/${CERNUSCO}/observatory/age-structure?territory=015016&year=2019`,
    });
    expect(bellinzago.json().classes.map((c: { total: number }) => c.total)).toEqual([
      89, 417, 151, 289, 2059, 781, 83,
    ]);
    const outside = await planner.request({
      method: "GET",
      url: `/api/ambiti/${CERNUSCO}/observatory/age-structure?territory=015189&year=2019`,
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe("published tables", () => {
  it("serves the tables as entered, with their source lines", async () => {
    const res = await planner.request({ method: "GET", url: `/api/ambiti/${VISCONTEO}/observatory/tables` });
    expect(res.statusCode).toBe(200);
    const tab2 = res.json().find((t: { code: string }) => t.code === "Tab.2");
    expect(tab2.lines[0]).toBeGreaterThan(2100);
    const rozzano = tab2.rows.find((r: { label: string }) => r.label === "Rozzano");
    expect(rozzano).toMatchObject({
      kind: "comune",
      comuneIstat: "015189",
      values: { 2021: 41844, 2022: 41435, 2023: 41370 },
    });
  });
});
