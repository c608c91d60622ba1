import ExcelJS from "exceljs";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import type { PivotRowDto } from "./analysis.contracts.ts";
import { importBudgetReport } from "./budget.import.ts";

/** Every expected figure below is printed in seed 003 (Comune di Milano, Bilancio di Previsione 2022). */
const FIXTURE = new URL("./fixtures/milano-2022-welfare.txt", import.meta.url).pathname;
let t: TestApp;
let ambito: TestAmbito;
let reader: Session;
let doc: number;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  doc = (await importBudgetReport(t.db, ambito.id, FIXTURE)).documentId as number;
  const u = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
  reader = await login(t.app, u.username);
});

const get = (path: string) =>
  reader.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/budget/documents/${doc}/${path}` });
const pivot = async (query: string) => {
  const res = await get(`pivot?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: PivotRowDto[]; total: PivotRowDto; truncated: boolean };
};
const item = (items: PivotRowDto[], key: string) => items.find((i) => i.key === key);

describe("budget analysis on seed 003", () => {
  it("pivots current spending by settore to the printed settore and Direzione totals, with differences", async () => {
    const p = await pivot("side=spese&section=1.B&rows=settore");
    expect(item(p.items, "51")).toMatchObject({
      label: "AREA DIRITTI E INCLUSIONE",
      forecastCents: 5779256686,
      priorForecastCents: 3457640000,
      priorActualCents: 2529836526,
    });
    expect(item(p.items, "235")?.forecastCents).toBe(735281000);
    expect(p.total).toMatchObject({
      lines: 249,
      forecastCents: 27520949305,
      priorForecastCents: 24674450000,
      priorActualCents: 22819535772,
      diffPriorForecastCents: 2846499305,
      pctPriorForecast: 11.54,
      pctPriorActual: 20.6,
    });
  });

  it("pivots by titolo, macroaggregato, missione, programma and piano dei conti level, named from the reference tables", async () => {
    const macro = await pivot("section=1.B&rows=macroaggregato");
    expect(item(macro.items, "1.03")).toMatchObject({
      label: "Acquisto di beni e servizi",
      forecastCents: 20797436713,
    });
    expect(item(macro.items, "1.04")?.forecastCents).toBe(6604562592);
    const titoli = await pivot("side=entrate&section=1.A&rows=titolo");
    expect(item(titoli.items, "2")).toMatchObject({ label: "Trasferimenti correnti", forecastCents: 12625879000 });
    expect(titoli.total.forecastCents).toBe(15374879000);
    const programmi = await pivot("section=1.B&rows=programma");
    expect(item(programmi.items, "12.01")).toMatchObject({
      label: "Interventi per l'infanzia e i minori e per asili nido",
      forecastCents: 8753432100,
      priorForecastCents: 7133005000,
      priorActualCents: 7445332295,
    });
    expect(item(programmi.items, "12.04")?.forecastCents).toBe(7723795561);
    const missioni = await pivot("rows=missione&section=2.B");
    expect(missioni.items.map((i) => i.key)).toEqual(["01", "03", "12"]);
    expect(item(missioni.items, "12")).toMatchObject({ forecastCents: 466312941, priorActualCents: 136147901 });
    const pdc = await pivot("section=1.B&rows=pdc&level=4");
    expect(item(pdc.items, "U.1.03.02.15")).toMatchObject({
      label: "Contratti di servizio pubblico",
      lines: 91,
      forecastCents: 20231802060,
    });
    const pdc5 = await pivot("side=entrate&rows=pdc&level=5&section=1.A");
    expect(item(pdc5.items, "E.2.01.01.02.011")).toMatchObject({ lines: 17, forecastCents: 2737485000 });
  });

  it("drills down from settore × programma to the lines, with names linked by code", async () => {
    const cell = await pivot("section=1.B&settore=51&rows=programma");
    expect(item(cell.items, "12.01")).toMatchObject({
      forecastCents: 1765500000,
      priorForecastCents: 752000000,
      priorActualCents: 569824488,
    });
    const lines = await pivot("section=1.B&settore=51&programma=12.04&rows=line");
    expect(lines.items.every((l) => l.line?.settore === "51" && l.line.programma === "04")).toBe(true);
    expect(lines.total.forecastCents).toBe(3964606686);
    expect(lines.items.reduce((s, l) => s + l.forecastCents, 0)).toBe(3964606686);
    expect(item(lines.items, "3752/5/0")).toMatchObject({
      forecastCents: 380000,
      line: {
        pdc: "U.1.03.01.02.000",
        pdcName: "Altri beni di consumo",
        programmaName: "Interventi per soggetti a rischio di esclusione sociale",
        vincolo: true,
        firstLine: 507,
      },
    });
  });

  it("sets restricted revenue against restricted spending (recap 1.C) and computes coverage by own revenue", async () => {
    const res = await get("coverage?part=corrente");
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.total.restrictedRevenue).toEqual({
      forecastCents: 11772879000,
      priorForecastCents: 8859860000,
      priorActualCents: 7509027390,
    });
    expect(c.total.restrictedSpending).toEqual({
      forecastCents: 13455856305,
      priorForecastCents: 8859860000,
      priorActualCents: 6210608289,
    });
    expect(c.total.revenue.forecastCents).toBe(15374879000);
    expect(c.total.coveragePct.forecast).toBe(55.87);
    const s51 = c.rows.find((r: { settore: string }) => r.settore === "51");
    expect(s51.revenue.forecastCents).toBe(4852582000);
    expect(s51.spending.forecastCents).toBe(5779256686);
    expect(s51.coveragePct.forecast).toBe(83.97);
  });

  it("finds new, discontinued and unplanned lines within the document", async () => {
    const spese = (await get("compare?side=spese")).json();
    const discontinued = spese.lines.filter((l: { status: string }) => l.status === "discontinued");
    const notRepeated = discontinued.filter((l: { description: string }) =>
      l.description.includes("(ART.NON RIPETUTO)"),
    );
    expect(notRepeated.map((l: { section: string }) => l.section).sort()).toEqual(["1.B", "1.B", "2.B"]);
    // 3793/21 ATTIVITA' DI VOLONTARIATO keeps 63.500,00: starred, but not discontinued.
    expect(discontinued.some((l: { key: string }) => l.key === "3793/21/0")).toBe(false);
    const summary = Object.fromEntries(spese.summary.map((s: { status: string }) => [s.status, s]));
    expect(summary.discontinued.lines).toBe(discontinued.length);
    const entrate = (await get("compare?side=entrate")).json();
    expect(entrate.lines).toContainEqual(
      expect.objectContaining({ status: "unplanned", key: "300/20/1", forecastCents: 0, priorActualCents: 1346000 }),
    );
    expect((await get(`compare?with=${doc}`)).statusCode).toBe(400);
  });

  it("compares two documents by capitolo/articolo/sub", async () => {
    // A previous year's document: the same spending lines except 3752/5/0, plus one line closed since.
    const { id: prev } = await t.db
      .insertInto("budget_document")
      .values({
        ambito_id: ambito.id,
        year: 2021,
        kind: "previsione",
        title: "Bilancio di Previsione 2021 (test copy)",
        source_file: "copy",
        sha256: "0".repeat(64),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`insert into budget_line select ambito_id, ${prev}, seq, section, direzione, settore, settore_name, titolo,
        tipologia, macroaggregato, capitolo, articolo, sub, pdc, description, vincolo, missione, programma,
        prior_forecast_cents, 0, 0, crono_cents, new_funds_cents, ptlp_cents, first_line, last_line
      from budget_line where ambito_id = ${ambito.id} and document_id = ${doc}
        and not (capitolo = 3752 and articolo = 5 and sub = 0)`.execute(t.db);
    await sql`insert into budget_line select ambito_id, document_id, 10000, section, direzione, settore, settore_name,
        titolo, tipologia, macroaggregato, 3999, 1, 0, pdc, 'CLOSED LINE', vincolo, missione, programma, 123400, 0, 0,
        null, null, null, 1, 1
      from budget_line where ambito_id = ${ambito.id} and document_id = ${prev} and section = '1.B' order by seq limit 1`.execute(
      t.db,
    );
    const res = await get(`compare?side=spese&with=${prev}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    const byStatus = (s: string) => c.lines.filter((l: { status: string }) => l.status === s);
    expect(byStatus("new")).toEqual([
      expect.objectContaining({ key: "3752/5/0", forecastCents: 380000, otherCents: 0 }),
    ]);
    expect(byStatus("discontinued")).toEqual([
      expect.objectContaining({ key: "3999/1/0", forecastCents: 0, otherCents: 123400, description: "CLOSED LINE" }),
    ]);
    const s51 = c.settori.find((s: { settore: string }) => s.settore === "51");
    // Forecast 2022 of settore 51 (current + capital) against the copy's 2021 forecasts without 3752/5/0.
    expect(s51.forecastCents - s51.otherCents).toBe(s51.diffCents);
    const other = await createTestAmbito(t.db);
    const outsider = await reader.request({
      method: "GET",
      url: `/api/ambiti/${other.slug}/budget/documents/${doc}/compare?with=${prev}`,
    });
    expect(outsider.statusCode).toBe(403);
  });

  it("exports any pivot as CSV and XLSX with the same figures", async () => {
    const csv = await get("pivot?section=1.B&rows=settore&format=csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(".csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("previsione 2022;previsione 2021;rendiconto 2021");
    expect(lines.find((l) => l.startsWith("51;"))).toContain("57792566,86;34576400,00;25298365,26");
    expect(lines.at(-1)).toMatch(/^TOTALE;;249;275209493,05;246744500,00;228195357,72;28464993,05;11,54/);
    const xlsx = await get("pivot?section=1.B&rows=programma&format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const row = ws?.getRows(1, ws.rowCount)?.find((r) => r.getCell(1).value === "12.01");
    expect(row?.getCell(4).value).toBe(87534321);
  });

  it("answers 400 on bad axes and filters, 404 on another Ambito's document", async () => {
    expect((await get("pivot?rows=comune")).statusCode).toBe(400);
    expect((await get("pivot?rows=pdc&level=9")).statusCode).toBe(400);
    expect((await get("pivot?programma=1204")).statusCode).toBe(400);
    const other = await createTestAmbito(t.db);
    const u = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: other.id }]);
    const s = await login(t.app, u.username);
    const res = await s.request({ method: "GET", url: `/api/ambiti/${other.slug}/budget/documents/${doc}/pivot` });
    expect(res.statusCode).toBe(404);
  });
});
