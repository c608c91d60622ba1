import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { computeProfile } from "./observatory.service.ts";
import { importSeries } from "./series.import.ts";

let t: TestApp;
let ambito: TestAmbito;
const dir = mkdtempSync(join(tmpdir(), "filiera-series-"));

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
});

const countsOf = () => t.db.selectFrom("obs_count").selectAll().where("ambito_id", "=", ambito.id).execute();

describe("generic series import", () => {
  it("imports CSV counts that feed the indicators", async () => {
    const { rozzano, opera } = ambito.comuni;
    const file = join(dir, "ok.csv");
    writeFileSync(
      file,
      [
        "territory;year;series;value;age_from;age_to",
        `${rozzano};2024;population;1.000;;`,
        `${rozzano};2024;births;8;;`,
        `${rozzano};2025;population;1000;;`,
        `${opera};2024;population;500;;`,
        `${opera};2024;births;2;;`,
        `${opera};2025;population;500;;`,
        "AMBITO;2024;disabled_residents;37,0;0;17",
      ].join("\n"),
    );
    const report = await importSeries(t.db, ambito.id, file, { source: "Anagrafe comunale" });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: 7, series: ["births", "disabled_residents", "population"] });
    const profile = await computeProfile(t.db, { id: ambito.id, slug: ambito.slug, name: "x", kind: "ambito" });
    const birth = profile.values.find(
      (v) => v.territory === "AMBITO" && v.indicator === "birth_rate" && v.year === 2024,
    );
    expect(birth?.value).toBeCloseTo((10 / 1500) * 1000, 10);
  });

  it("imports the first sheet of an XLSX file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("dati");
    ws.addRow(["Territory", "Year", "Series", "Value", "Sex"]);
    ws.addRow([ambito.comuni.opera, 2023, "households", 230, "T"]);
    const file = join(dir, "ok.xlsx");
    await wb.xlsx.writeFile(file);
    const report = await importSeries(t.db, ambito.id, file, { source: "Anagrafe" });
    expect(report).toMatchObject({ ok: true, rows: 1 });
    expect((await countsOf()).some((c) => c.series === "households" && Number(c.value) === 230)).toBe(true);
  });

  it("reports every bad line with its field and writes nothing", async () => {
    const before = (await countsOf()).length;
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      [
        "territory,year,series,value",
        "015146,2024,population,10", // Milano: not in this Ambito
        `${ambito.comuni.rozzano},20x4,population,10`,
        `${ambito.comuni.rozzano},2024,Population Total,10`,
        `${ambito.comuni.rozzano},2024,population,-3`,
        `${ambito.comuni.opera},2020,population,10`,
        `${ambito.comuni.opera},2020,population,11`,
      ].join("\n"),
    );
    const report = await importSeries(t.db, ambito.id, file, { source: "x" });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [2, "territory"],
      [3, "year"],
      [4, "series"],
      [5, "value"],
      [7, null],
    ]);
    expect(report.problems[4]?.message).toBe("duplicate of line 6");
    expect((await countsOf()).length).toBe(before);
  });

  it("names the missing columns", async () => {
    const file = join(dir, "cols.csv");
    writeFileSync(file, "comune;anno;valore\n015189;2024;3\n");
    const report = await importSeries(t.db, ambito.id, file, { source: "x" });
    expect(report.problems[0]?.message).toMatch(/missing column\(s\): territory, year, series, value/);
  });
});

describe("entering published tables through the API", () => {
  it("answers 400 with the table, row and line of each problem, and writes nothing", async () => {
    const ambito = await createTestAmbito(t.db);
    const manager = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }]);
    const s = await login(t.app, manager.username);
    const doc = {
      ambito: ambito.slug,
      document: "Piano di prova",
      tables: [
        {
          code: "Tab.1",
          title: "Popolazione",
          lines: [10, 20],
          columns: [{ key: "2024", year: 2024, measure: { kind: "count", series: "population" } }],
          rows: [
            { label: "Atlantide", kind: "comune", line: 12, values: { 2024: 10 } },
            { label: "Rozzano", kind: "comune", line: 13, values: { 2024: -1, 2025: 3 } },
            { label: "Totale", kind: "total", line: 99, values: { 2024: 9 } },
          ],
        },
      ],
    };
    const res = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/observatory/published`,
      payload: doc,
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { path: string; message: string }) => `${f.path}: ${f.message}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Tab.1 \/ Atlantide: 'Atlantide' is not a Comune of this Ambito \(line 12\)/),
        expect.stringMatching(/^Tab.1 \/ Rozzano \/ 2024: a count cannot be negative/),
        expect.stringMatching(/^Tab.1 \/ Rozzano \/ 2025: no column with this key/),
        expect.stringMatching(/^Tab.1 \/ Totale: line outside/),
      ]),
    );
    const tables = await t.db
      .selectFrom("obs_published_table")
      .select("id")
      .where("ambito_id", "=", ambito.id)
      .execute();
    expect(tables).toHaveLength(0);

    const good = {
      ...doc,
      tables: [
        {
          ...doc.tables[0],
          rows: [
            { label: "Rozzano", kind: "comune", line: 13, values: { 2024: 7 } },
            { label: "Totale", kind: "total", line: 14, values: { 2024: 9 } },
          ],
        },
      ],
    };
    const ok = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/observatory/published`,
      payload: good,
    });
    expect(ok.statusCode).toBe(200);
    const again = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/observatory/published`,
      payload: good,
    });
    expect(again.statusCode).toBe(409);
    const check = await s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/observatory/check` });
    expect(check.json().items).toEqual([
      expect.objectContaining({ table: "Tab.1", row: "Totale", kind: "sum", published: 9, recomputed: 7 }),
    ]);
  });
});
