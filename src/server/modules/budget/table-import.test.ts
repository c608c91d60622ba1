import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../../../test/helpers/app.ts";
import { testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { analysisFilters } from "./analysis.contracts.ts";
import { pivot } from "./analysis.service.ts";
import { importBudgetTable } from "./table-import.ts";
import { loadMapping, parseMapping, saveMapping } from "./table-mapping.ts";
import { parseTableAmount } from "./table-reader.ts";

/**
 * The good fixture is seed 003's current spending of settore 235 (38 lines) re-published in a BDAP-like
 * layout (ISO-8859-1, semicolons): its totals must be the printed "Totale Settore 235" (line 1824).
 */
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const MAPPING = JSON.parse(readFileSync(fixture("bdap-mapping.json"), "utf8"));
let t: TestApp;
let ambito: TestAmbito;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  await saveMapping(t.db, ambito.id, "bdap-spese", MAPPING, null);
});

const run = async (file: string, dryRun = false) =>
  importBudgetTable(
    t.db,
    ambito.id,
    file,
    (await loadMapping(t.db, ambito.id, "bdap-spese")) ?? parseMapping(MAPPING),
    {
      mappingName: "bdap-spese",
      dryRun,
    },
  );
const documents = () => t.db.selectFrom("budget_document").select("id").where("ambito_id", "=", ambito.id).execute();

describe("tabular budget import (BDAP-like CSV/XLSX)", () => {
  it("parses amounts exactly in the Italian and XLSX forms", () => {
    expect(parseTableAmount("1.234.567,89")).toBe(123456789n);
    expect(parseTableAmount("1234567,8")).toBe(123456780n);
    expect(parseTableAmount("1234567.5")).toBe(123456750n);
    expect(parseTableAmount("15000")).toBe(1500000n);
    for (const bad of ["12.34,5X", "-5,00", "1,234", "1.2345,00", ""]) expect(parseTableAmount(bad)).toBeNull();
  });

  it("imports an ISO-8859-1 semicolon file with its totals equal to the printed settore total", async () => {
    const r = await run(fixture("bdap-spese-2022-settore-235.csv"));
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, status: "imported", meta: { year: 2022, kind: "previsione" } });
    expect(r.sections["1.B"]).toMatchObject({
      lines: 38,
      totalsCents: { forecast: 735281000, priorForecast: 1020881000, priorActual: 889607844 },
    });
    const id = r.documentId as number;
    const byProgramme = await pivot(t.db, ambito.id, id, {
      ...analysisFilters.parse({ section: "1.B" }),
      rows: "programma",
      level: 3,
      format: "json",
      limit: 100,
    });
    // Seed 003, settore 235 × 12.08 COOPERAZIONE E ASSOCIAZIONISMO: 551.290,00 / 760.660,00 / 1.007.770,26.
    expect(byProgramme.items.find((i) => i.key === "12.08")).toMatchObject({
      forecastCents: 55129000,
      priorForecastCents: 76066000,
      priorActualCents: 100777026,
      label: "Cooperazione e associazionismo",
    });
    const line = await t.db
      .selectFrom("budget_line")
      .select(["settore_name", "pdc", "first_line", "vincolo"])
      .where("ambito_id", "=", ambito.id)
      .where("document_id", "=", id)
      .where("seq", "=", 1)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({
      settore_name: "AREA SALUTE E SERVIZI DI COMUNITÀ",
      pdc: "U.1.03.01.02.000",
      first_line: 2,
      vincolo: false,
    });
    const again = await run(fixture("bdap-spese-2022-settore-235.csv"));
    expect(again).toMatchObject({ ok: true, status: "already-imported", documentId: id });
  });

  it("reads the same table from XLSX (numbers as cells)", async () => {
    const text = readFileSync(fixture("bdap-spese-2022-settore-235.csv"), "latin1");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Spese");
    for (const [i, l] of text.trim().split("\r\n").entries())
      ws.addRow(l.split(";").map((c, j) => (i > 0 && j >= 16 ? Number(c.replace(",", ".")) : c)));
    const file = join(mkdtempSync(join(tmpdir(), "budget-xlsx-")), "spese.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await run(file, true);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe("dry-run");
    expect(r.sections["1.B"]?.totalsCents).toEqual({
      forecast: 735281000,
      priorForecast: 1020881000,
      priorActual: 889607844,
    });
  });

  it("refuses a bad amount with line, field and what was found; nothing written", async () => {
    const before = (await documents()).length;
    const r = await run(fixture("bdap-bad-amount.csv"));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      {
        line: 6,
        field: "forecast",
        reason: "an amount not below zero such as 1.234,56 or 1234,56",
        found: "12.34,5X",
      },
    ]);
    expect((await documents()).length).toBe(before);
  });

  it("refuses a file that switches encoding, at the line where it does", async () => {
    const r = await run(fixture("bdap-wrong-encoding.csv"));
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 11 });
    expect(r.problems[0]?.reason).toMatch(/encoding/);
  });

  it("refuses a file without a mapped column, naming it", async () => {
    const r = await run(fixture("bdap-missing-column.csv"));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: "capitolo",
        reason: "column 'Capitolo' named in the mapping is not in the header",
      }),
    ]);
  });

  it("validates mappings with the path of each mistake", async () => {
    const { capitolo: _, ...columns } = MAPPING.columns;
    expect(() => parseMapping({ ...MAPPING, columns })).toThrow(/invalid column mapping/);
    try {
      await saveMapping(t.db, ambito.id, "x", { ...MAPPING, columns: { ...columns, colour: "Red" } }, null);
    } catch (e) {
      expect((e as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
        "mapping.columns",
        "mapping.columns.capitolo",
      ]);
    }
    expect.assertions(2);
  });
});
