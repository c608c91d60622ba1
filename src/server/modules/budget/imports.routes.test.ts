import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { multipart } from "../cases/cases.fixtures.ts";
import { MAX_BUDGET_UPLOAD_BYTES } from "./imports.upload.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const REPORT = fixture("milano-2022-welfare.txt");
const TABLE = fixture("bdap-spese-2022-settore-235.csv");
const MAPPING = JSON.parse(fixture("bdap-mapping.json").toString("utf8"));

let t: TestApp;
let ambito: TestAmbito;
let officer: Session;
let officerId: number;
let mayor: Session;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const u = await createTestUser(t.db, [{ role: "accounting_officer", ambitoId: ambito.id }]);
  officerId = u.id;
  officer = await login(t.app, u.username);
  mayor = await login(t.app, (await createTestUser(t.db, [{ role: "mayor", ambitoId: ambito.id }])).username);
}, 60_000);

const url = (path: string) => `/api/ambiti/${ambito.slug}/budget/${path}`;
function upload(path: string, name: string, content: Buffer, fields: Record<string, string> = {}, who = officer) {
  const body = multipart(name, "text/csv", content, fields);
  return who.request({ method: "POST", url: url(path), ...body });
}
const documents = () => t.db.selectFrom("budget_document").select("id").where("ambito_id", "=", ambito.id).execute();
const withLine = (text: string, n: number, edit: (line: string) => string) =>
  Buffer.from(
    text
      .split("\n")
      .map((l, i) => (i === n - 1 ? edit(l) : l))
      .join("\n"),
  );

describe("budget imports over HTTP", () => {
  it("dry-runs a table with an inline mapping: the CLI summary, nothing written", async () => {
    const res = await upload("imports/table", "spese-235.csv", TABLE, {
      mappingJson: JSON.stringify(MAPPING),
      dryRun: "true",
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ ok: true, status: "dry-run", file: "spese-235.csv", problems: [], problemCount: 0 });
    expect(r.meta).toMatchObject({ year: 2022, kind: "previsione" });
    // Seed 003, settore 235, spese correnti as printed.
    expect(r.sections["1.B"]).toEqual({
      lines: 38,
      totalsCents: { forecast: 735281000, priorForecast: 1020881000, priorActual: 889607844 },
    });
    expect(r.checks).toMatchObject({ total: 4, passed: 4, failed: [] });
    expect(await documents()).toEqual([]);
  });

  it("saves a mapping, lists it, imports with it once, and audits the import", async () => {
    const saved = await officer.request({
      method: "POST",
      url: url("mappings"),
      payload: { name: "bdap-spese", mapping: MAPPING },
    });
    expect(saved.statusCode).toBe(201);
    const list = await mayor.request({ method: "GET", url: url("mappings") });
    expect(list.json()).toEqual([
      expect.objectContaining({ name: "bdap-spese", mapping: expect.objectContaining({ kind: "previsione" }) }),
    ]);
    expect(list.json()[0].mapping.columns.forecast).toBe("Stanziamento competenza {year}");

    const res = await upload("imports/table", "spese-235.csv", TABLE, { mapping: "bdap-spese", title: "Spese 235" });
    expect(res.statusCode).toBe(201);
    const id = res.json().documentId as number;
    expect(res.json()).toMatchObject({ ok: true, status: "imported", mapping: "bdap-spese" });
    const docs = await officer.request({ method: "GET", url: url("documents") });
    expect(docs.json()).toEqual([expect.objectContaining({ id, title: "Spese 235", lines: 38 })]);
    const audit = await t.db
      .selectFrom("audit_event")
      .select(["action", "actor_user_id"])
      .where("entity_type", "=", "budget_document")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toEqual([{ action: "budget.import_table", actor_user_id: officerId }]);

    const again = await upload("imports/table", "copy.csv", TABLE, { mapping: "bdap-spese" });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: "already-imported", documentId: id });
    expect(await documents()).toHaveLength(1);
  });

  it("reads the header of a table so that the page can map its columns", async () => {
    const res = await upload("imports/header", "spese.csv", TABLE);
    expect(res.statusCode).toBe(200);
    expect(res.json().columns).toHaveLength(19);
    expect(res.json().columns).toContain("Centro di responsabilità");
  });

  it("checks an XLSX upload (first sheet, numbers as cells) like the CSV", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Spese");
    for (const [i, l] of TABLE.toString("latin1").trim().split("\r\n").entries())
      ws.addRow(l.split(";").map((c, j) => (i > 0 && j >= 16 ? Number(c.replace(",", ".")) : c)));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const header = await upload("imports/header", "spese.xlsx", xlsx);
    expect(header.json().columns[0]).toBe("Esercizio");
    const res = await upload("imports/table", "spese.xlsx", xlsx, { mapping: "bdap-spese", dryRun: "true" });
    expect(res.statusCode).toBe(200);
    expect(res.json().sections["1.B"].totalsCents.forecast).toBe(735281000);
  });

  it("refuses broken tables with line, field, expected and found; nothing written", async () => {
    const before = (await documents()).length;
    const bad = await upload("imports/table", "bad.csv", fixture("bdap-bad-amount.csv"), { mapping: "bdap-spese" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ ok: false, status: "refused", documentId: null });
    expect(bad.json().problems).toEqual([
      {
        line: 6,
        field: "forecast",
        expected: "an amount not below zero such as 1.234,56 or 1234,56",
        found: "12.34,5X",
      },
    ]);
    const mixed = await upload("imports/table", "mixed.csv", fixture("bdap-wrong-encoding.csv"), {
      mapping: "bdap-spese",
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().problems[0]).toMatchObject({ line: 11, expected: expect.stringMatching(/encoding/) });
    const missing = await upload("imports/table", "missing.csv", fixture("bdap-missing-column.csv"), {
      mapping: "bdap-spese",
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().problems).toEqual([expect.objectContaining({ line: 1, field: "capitolo" })]);
    expect((await documents()).length).toBe(before);
  });

  it("refuses bad requests with field-level messages, never a 500", async () => {
    const noMapping = await upload("imports/table", "spese.csv", TABLE, {});
    expect(noMapping.statusCode).toBe(400);
    expect(noMapping.json().error.fields).toEqual([expect.objectContaining({ path: "body.mapping" })]);
    const unknown = await upload("imports/table", "spese.csv", TABLE, { mapping: "nope" });
    expect(unknown.statusCode).toBe(400);
    const badMapping = await upload("imports/table", "spese.csv", TABLE, { mappingJson: '{"side":"spese"}' });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().error.fields.map((f: { path: string }) => f.path)).toContain("mapping.year");
    const notJson = await upload("imports/table", "spese.csv", TABLE, { mappingJson: "{" });
    expect(notJson.json().error.fields).toEqual([{ path: "body.mappingJson", message: "not JSON" }]);
    const pdf = await upload("imports/table", "spese.pdf", Buffer.from("%PDF-1.7"), { mapping: "bdap-spese" });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.fields[0]).toMatchObject({ path: "body.file", message: expect.stringMatching(/\.csv/) });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const binary = await upload("imports/table", "spese.csv", png, { mapping: "bdap-spese" });
    expect(binary.statusCode).toBe(400);
    expect(binary.json().error.fields[0].message).toMatch(/binary/);
    const fakeXlsx = await upload("imports/table", "spese.xlsx", TABLE, { mapping: "bdap-spese" });
    expect(fakeXlsx.json().error.fields[0].message).toMatch(/XLSX/);
    const huge = await upload("imports/table", "huge.csv", Buffer.alloc(MAX_BUDGET_UPLOAD_BYTES + 1, 0x41), {
      mapping: "bdap-spese",
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.fields[0]).toMatchObject({ path: "body.file", message: expect.stringMatching(/MB/) });
    const json = await officer.request({ method: "POST", url: url("imports/table"), payload: { mapping: "x" } });
    expect([400, 415]).toContain(json.statusCode);
  });

  it("dry-runs and imports the seed 003 report, with every check passed", async () => {
    const dry = await upload("imports/report", "milano-2022.txt", REPORT, { year: "2022", dryRun: "true" });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ status: "dry-run", overrideAllowed: true, problems: [] });
    expect(dry.json().checks).toMatchObject({ total: 124, passed: 124, failed: [] });
    expect(
      Object.fromEntries(Object.entries(dry.json().sections).map(([k, s]) => [k, (s as { lines: number }).lines])),
    ).toEqual({ "1.A": 83, "1.B": 249, "2.A": 9, "2.B": 25 });
    const wrongYear = await upload("imports/report", "milano-2022.txt", REPORT, { year: "2023" });
    expect(wrongYear.statusCode).toBe(422);
    expect(wrongYear.json().problems[0].expected).toMatch(/2023/);
    const otherEnte = await upload("imports/report", "milano-2022.txt", REPORT, { ente: "milano", dryRun: "true" });
    expect(otherEnte.json().error.fields).toEqual([expect.objectContaining({ path: "body.ente" })]);
    const badYear = await upload("imports/report", "milano-2022.txt", REPORT, { year: "22" });
    expect(badYear.json().error.fields).toEqual([expect.objectContaining({ path: "body.year" })]);
    const res = await upload("imports/report", "milano-2022.txt", REPORT, { ente: ambito.slug, kind: "previsione" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "imported", overrideNote: null });
  });

  it("refuses broken reports at the line of the problem; nothing written", async () => {
    const before = (await documents()).length;
    const text = REPORT.toString("utf8");
    const truncated = await upload("imports/report", "cut.txt", Buffer.from(text.slice(0, text.length / 2)));
    expect(truncated.statusCode).toBe(422);
    expect(truncated.json().problems.at(-1).found).toMatch(/end of the file/);
    const layout = await upload("imports/report", "table.txt", TABLE);
    expect(layout.statusCode).toBe(422);
    expect(layout.json().problems[0]).toMatchObject({ line: 1 });
    expect(layout.json().message).toMatch(/not a Bilancio report/);
    // Line 862 of seed 003 is "Totale Settore 51": one amount that no longer parses.
    const badAmount = await upload(
      "imports/report",
      "bad.txt",
      withLine(text, 862, (l) => l.replace("51 ", "51 X")),
    );
    expect(badAmount.statusCode).toBe(422);
    expect(badAmount.json().problems[0]).toMatchObject({ line: 862, field: null });
    expect(badAmount.json().problems[0].found).toContain("X34.576.400,00");
    const latin1 = Buffer.concat([Buffer.from(text.slice(0, 300)), Buffer.from([0xe0, 0x0a]), REPORT.subarray(300)]);
    const mixed = await upload("imports/report", "mixed.txt", latin1);
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().problems[0]).toMatchObject({ expected: "UTF-8 text" });
    expect(mixed.json().problems[0].line).toBe(text.slice(0, 300).split("\n").length);
    const csv = await upload("imports/report", "spese.csv", TABLE);
    expect(csv.statusCode).toBe(400);
    expect((await documents()).length).toBe(before);
  });

  it("imports a report whose checks fail only with a recorded reason", async () => {
    // Totale Settore 51 printed one cent higher: its check fails.
    const text = REPORT.toString("utf8");
    const off = withLine(text, 862, (l) => l.replace("34.576.400,00", "34.576.400,01"));
    const refused = await upload("imports/report", "off.txt", off);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().checks.failed[0]).toMatchObject({ line: 862, found: expect.stringContaining("400,01") });
    const accepted = await upload("imports/report", "off.txt", off, { acceptFailedChecks: "typo in the print" });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().overrideNote).toBe("typo in the print");
    const audit = await t.db
      .selectFrom("audit_event")
      .select("action")
      .where("entity_id", "=", String(accepted.json().documentId))
      .where("entity_type", "=", "budget_document")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("budget.import_override");
  });

  it("lets only budget:write upload or save mappings", async () => {
    const res = await upload("imports/table", "spese.csv", TABLE, { mapping: "bdap-spese", dryRun: "true" }, mayor);
    expect(res.statusCode).toBe(403);
    const save = await mayor.request({
      method: "POST",
      url: url("mappings"),
      payload: { name: "x", mapping: MAPPING },
    });
    expect(save.statusCode).toBe(403);
    const anon = await t.app.inject({ method: "GET", url: url("mappings") });
    expect(anon.statusCode).toBe(401);
  });
});
