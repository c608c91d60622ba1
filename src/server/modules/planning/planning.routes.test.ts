import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { multipart } from "../cases/cases.fixtures.ts";
import type { PlanDocument } from "./plan-document.ts";
import { readSeedPlan } from "./planning.seed.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let t: TestApp;
let ambito: TestAmbito;
let udp: Session;
let mayor: Session;
let planId: number;

const seed2025 = (slug: string) => ({
  ...(readSeedPlan("visconteo-2025-2027.json") as PlanDocument),
  ambito: slug,
  previousPlan: null,
});
const url = (path: string) => `/api/ambiti/${ambito.slug}${path}`;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  udp = await login(t.app, (await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }])).username);
  mayor = await login(t.app, (await createTestUser(t.db, [{ role: "mayor", ambitoId: ambito.id }])).username);
  const res = await udp.request({ method: "POST", url: url("/plans/import"), payload: seed2025(ambito.slug) });
  expect(res.statusCode).toBe(200);
  planId = res.json().id;
});

describe("access", () => {
  it("needs a session, and gives mayors read-only access", async () => {
    expect((await t.app.inject({ method: "GET", url: url("/plans") })).statusCode).toBe(401);
    const list = await mayor.request({ method: "GET", url: url("/plans") });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject([{ id: planId, title: "Piano Sociale di Zona 2025-2027", objectives: 6 }]);
    const write = await mayor.request({
      method: "POST",
      url: url(`/plans/${planId}/measurements`),
      payload: { indicator: "B.OUT.1", year: 2025, value: 1 },
    });
    expect(write.statusCode).toBe(403);
    const other = await createTestAmbito(t.db);
    expect((await udp.request({ method: "GET", url: `/api/ambiti/${other.slug}/plans` })).statusCode).toBe(403);
  });
});

describe("bad input over HTTP", () => {
  it("answers 400 with field paths for a measurement outside the period or in the wrong unit, and for a bad body", async () => {
    const res = await udp.request({
      method: "POST",
      url: url(`/plans/${planId}/measurements`),
      payload: { indicator: "E.OUT.1", year: 2030, value: 5, unit: "eur" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: "body.year", message: "2030 is outside the plan period 2025-2027" },
      { path: "body.unit", message: "unit 'eur' does not match the indicator's unit 'percent'" },
    ]);
    const typed = await udp.request({
      method: "POST",
      url: url(`/plans/${planId}/measurements`),
      payload: { indicator: "E.OUT.1", year: "x" },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["body.year", "body.value"]),
    );
    const target = await udp.request({
      method: "PUT",
      url: url(`/plans/${planId}/indicators/E.OUT.1`),
      payload: {
        objective: "7.1.5",
        type: "output",
        label: "x",
        unit: "percent",
        targets: [{ year: 2027, value: 80, unit: "count" }],
      },
    });
    expect(target.statusCode).toBe(400);
    expect(target.json().error.fields).toContainEqual({
      path: "body.targets.0.unit",
      message: "unit 'count' does not match the indicator's unit 'percent'",
    });
    const noArea = await udp.request({
      method: "PUT",
      url: url(`/plans/${planId}/objectives/9.9`),
      payload: { level: "general", title: "Senza area" },
    });
    expect(noArea.statusCode).toBe(400);
    expect(noArea.json().error.fields).toContainEqual(expect.objectContaining({ path: "body.macroArea" }));
    expect((await udp.request({ method: "GET", url: url("/plans/99999") })).statusCode).toBe(404);
  });
});

describe("editing item by item (the editor pages)", () => {
  it("creates an objective with an indicator and an action, refuses stale or bad edits, and deletes them", async () => {
    const imported = await udp.request({
      method: "POST",
      url: url("/plans/import"),
      payload: { ...seed2025(ambito.slug), title: "Piano da modificare" },
    });
    const id = imported.json().id as number;
    const plan = async () => (await udp.request({ method: "GET", url: url(`/plans/${id}`) })).json();
    const put = (path: string, payload: object, etag?: string) =>
      udp.request({
        method: "PUT",
        url: url(`/plans/${id}${path}`),
        payload,
        headers: etag ? { "if-match": etag } : {},
      });
    const opened = (await plan()).etag as string;
    expect(opened).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const objective = await put(
      "/objectives/7.9",
      {
        macroArea: "7",
        level: "general",
        kind: "innovative",
        title: "Sportello digitale",
        need: "Accesso ai servizi",
        budgetCents: 5000000,
        fundingSource: "FNPS",
        coProgrammed: true,
        leps: [],
      },
      opened,
    );
    expect(objective.statusCode).toBe(200);
    const { etag } = objective.json();
    expect(etag).not.toBe(opened);
    const stale = await put("/objectives/7.9", { macroArea: "7", level: "general", title: "x" }, opened);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields).toEqual([
      { path: "headers.if-match", message: `the plan's current etag is ${etag}` },
    ]);
    const badTargets = await put("/indicators/SD.1", {
      objective: "7.9",
      type: "output",
      label: "Accessi",
      unit: "percent",
      targets: [
        { year: 2025, value: 20 },
        { year: 2030, value: 120 },
      ],
    });
    expect(badTargets.statusCode).toBe(400);
    expect(badTargets.json().error.fields).toEqual([
      { path: "body.targets.1.year", message: "2030 is outside the plan period 2025-2027" },
      { path: "body.targets.1.value", message: "a percentage must be between 0 and 100" },
    ]);
    const indicator = await put(
      "/indicators/SD.1",
      {
        objective: "7.9",
        type: "output",
        label: "Prese in carico",
        unit: "count",
        baseline: 10,
        direction: "increase",
        source: "computed",
        queryKey: "cases.opened_in_year",
        targets: [2025, 2026, 2027].map((year, k) => ({ year, value: 20 + k * 10 })),
      },
      etag,
    );
    expect(indicator.statusCode).toBe(200);
    const action = await put("/actions/7.9.a", {
      objective: "7.9",
      title: "Apertura",
      owner: "Ufficio di Piano",
      start: "2025-03-01",
      end: "2025-12-31",
    });
    expect(action.statusCode).toBe(200);
    const doc = (await plan()) as PlanDocument;
    expect(doc.objectives.find((o) => o.code === "7.9")).toMatchObject({ budgetCents: 5000000, coProgrammed: true });
    expect(doc.indicators.find((i) => i.code === "SD.1")?.targets.map((x) => x.value)).toEqual([20, 30, 40]);
    expect(doc.actions.find((a) => a.code === "7.9.a")).toMatchObject({ owner: "Ufficio di Piano", status: "planned" });

    const del = (path: string) => udp.request({ method: "DELETE", url: url(`/plans/${id}${path}`) });
    expect((await mayor.request({ method: "DELETE", url: url(`/plans/${id}/actions/7.9.a`) })).statusCode).toBe(403);
    const busy = await del("/objectives/7.9");
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toContain("1 indicator(s) and 1 action(s)");
    expect((await del("/indicators/SD.1")).statusCode).toBe(200);
    expect((await del("/actions/7.9.a")).statusCode).toBe(200);
    expect((await del("/objectives/7.9")).statusCode).toBe(200);
    expect((await del("/objectives/7.9")).statusCode).toBe(404);
    expect((await plan()).objectives.some((o: { code: string }) => o.code === "7.9")).toBe(false);
  });
});

describe("computed indicators", () => {
  it("counts registered people live, and the value changes when a person is registered", async () => {
    const put = await udp.request({
      method: "PUT",
      url: url(`/plans/${planId}/indicators/E.PEOPLE`),
      payload: {
        objective: "7.1.5",
        type: "output",
        label: "Persone registrate nella CSI",
        unit: "count",
        source: "computed",
        queryKey: "people.registered",
        targets: [{ year: 2027, value: 10 }],
      },
    });
    expect(put.statusCode).toBe(200);
    const value = async () => {
      const m = await mayor.request({ method: "GET", url: url(`/plans/${planId}/monitoring?asOf=2026-06-30`) });
      expect(m.statusCode).toBe(200);
      return m
        .json()
        .objectives.find((o: { code: string }) => o.code === "7.1.5")
        .indicators.find((i: { code: string }) => i.code === "E.PEOPLE");
    };
    const before = await value();
    expect(before).toMatchObject({ source: "computed", finalTarget: 10 });
    await t.db
      .insertInto("person")
      .values(
        [1, 2, 3].map((n) => ({
          ambito_id: ambito.id,
          comune_istat: ambito.comuni.rozzano,
          provisional: true,
          family_name: `Prova${n}`,
          given_name: "Test",
        })),
      )
      .execute();
    const after = await value();
    expect(after.value).toBe((before.value ?? 0) + 3);
    expect(after.progress).toBeGreaterThan(before.progress);
    const stored = await udp.request({ method: "POST", url: url(`/plans/${planId}/recompute`) });
    expect(stored.json()).toMatchObject({ indicators: 3 });
  });
});

describe("computed from cases and governance", () => {
  const indicator = async (objective: string, code: string) => {
    const m = await mayor.request({ method: "GET", url: url(`/plans/${planId}/monitoring?asOf=2025-12-31`) });
    return m
      .json()
      .objectives.find((o: { code: string }) => o.code === objective)
      .indicators.find((i: { code: string }) => i.code === code);
  };

  it("computes the PUA share with a social worker (targets 50/75/100%) from the access contacts", async () => {
    expect(await indicator("ASST.6", "ASST6.OUT.1")).toMatchObject({ value: null, target: null, finalTarget: 100 });
    const worker = await createTestUser(t.db, [
      { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano },
    ]);
    const nurse = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
    const contact = (answeredBy: number, day: string) => ({
      ambito_id: ambito.id,
      comune_istat: ambito.comuni.rozzano,
      point: "pua" as const,
      channel: "in_person" as const,
      contact_date: day,
      request: "valutazione",
      answered_by: answeredBy,
      outcome: "information" as const,
    });
    await t.db
      .insertInto("access_contact")
      .values([contact(worker.id, "2025-03-01"), contact(nurse.id, "2025-04-01"), contact(nurse.id, "2025-05-01")])
      .execute();
    expect(await indicator("ASST.6", "ASST6.OUT.1")).toMatchObject({
      value: 33.3,
      year: 2025,
      target: 50,
      status: "at_risk",
    });
    await t.db
      .insertInto("access_contact")
      .values([contact(worker.id, "2025-06-01")])
      .execute();
    expect(await indicator("ASST.6", "ASST6.OUT.1")).toMatchObject({ value: 50, target: 50 });
  });

  it("counts governance meetings for 'Numero incontri organizzati', refusing attendees who are not members", async () => {
    const before = (await indicator("7.1.1", "A.PRO.1")).value ?? 0;
    const bad = await udp.request({
      method: "POST",
      url: url("/governance/meetings"),
      payload: { body: "assemblea", date: "2025-03-10", agenda: "Approvazione", attendees: ["rozzano", "nessuno"] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: "body.attendees.1", message: "'nessuno' is not a member of 'assemblea'" },
    ]);
    const ok = await udp.request({
      method: "POST",
      url: url("/governance/meetings"),
      payload: {
        body: "assemblea",
        date: "2025-03-10",
        agenda: "Approvazione del Piano",
        attendees: ["rozzano", "opera"],
        decisions: ["Piano approvato"],
      },
    });
    expect(ok.statusCode).toBe(200);
    expect((await indicator("7.1.1", "A.PRO.1")).value).toBe(before + 1);
    const gov = await mayor.request({ method: "GET", url: url("/governance") });
    expect(gov.json().meetings).toContainEqual(
      expect.objectContaining({ body: "assemblea", date: "2025-03-10", attendees: ["rozzano", "opera"] }),
    );
  });
});

describe("evaluation and carry-over", () => {
  it("prefills the sheet from monitoring, stores it, and carries re-proposed objectives into the next plan", async () => {
    const prefilled = await mayor.request({ method: "GET", url: url(`/plans/${planId}/evaluation`) });
    const sheet = prefilled.json().find((s: { objective: string }) => s.objective === "7.1.2");
    expect(sheet).toMatchObject({ stored: false, budgetCents: 35749900, continuity: "NO" });
    expect(typeof sheet.achievementPct).toBe("number");
    const bad = await udp.request({
      method: "PUT",
      url: url(`/plans/${planId}/evaluations/7.1.3`),
      payload: { achievementPct: 120 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["body.achievementPct"]);
    const saved = await udp.request({
      method: "PUT",
      url: url(`/plans/${planId}/evaluations/7.1.3`),
      payload: {
        achievementPct: 70,
        staffAdequacy: "adeguato",
        budgetCoincidence: "100%",
        reproposed: false,
        reproposedReasons: "progetto PNRR concluso",
      },
    });
    expect(saved.statusCode).toBe(200);
    const stored = (await mayor.request({ method: "GET", url: url(`/plans/${planId}/evaluation`) })).json();
    expect(stored.find((s: { objective: string }) => s.objective === "7.1.3")).toMatchObject({
      stored: true,
      achievementPct: 70,
      reproposed: false,
    });
    const next = await udp.request({
      method: "POST",
      url: url(`/plans/${planId}/carry-over`),
      payload: { title: "Piano Sociale di Zona 2028-2030", periodStart: 2028, periodEnd: 2030 },
    });
    expect(next.statusCode).toBe(200);
    const doc = (await udp.request({ method: "GET", url: url(`/plans/${next.json().id}`) })).json() as PlanDocument;
    expect(doc.previousPlan).toEqual({ periodStart: 2025, title: "Piano Sociale di Zona 2025-2027" });
    expect(doc.objectives.map((o) => o.code)).toEqual(["7.1.1", "7.1.2", "7.1.4", "7.1.5", "ASST.6"]);
    expect(doc.objectives.every((o) => o.continuity === true)).toBe(true);
    expect(doc.indicators.every((i) => i.targets.length === 0)).toBe(true);
    expect(doc.status).toBe("draft");
  });
});

describe("reports and export", () => {
  it("produces the monitoring report as PDF and DOCX, the objective sheet, and the indicators workbook", async () => {
    const pdf = await mayor.request({ method: "GET", url: url(`/plans/${planId}/report?format=pdf`) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await mayor.request({
      method: "GET",
      url: url(`/plans/${planId}/objectives/7.1.4/sheet?format=docx`),
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const xlsx = await mayor.request({ method: "GET", url: url(`/plans/${planId}/indicators.xlsx`) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Indicatori");
    const rows: unknown[][] = [];
    ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const pua = rows.find((r) => r[1] === "ASST6.OUT.1");
    expect(pua?.slice(7, 10)).toEqual([50, 75, 100]);
  });

  it("round-trips the plan through JSON and XLSX export and import", async () => {
    const json = await udp.request({ method: "GET", url: url(`/plans/${planId}/export?format=json`) });
    const doc = json.json() as PlanDocument;
    const xlsx = await udp.request({ method: "GET", url: url(`/plans/${planId}/export?format=xlsx`) });
    const { xlsxToPlan } = await import("./plan-xlsx.ts");
    const fromXlsx = (await xlsxToPlan(xlsx.rawPayload)) as PlanDocument;
    const target = await createTestAmbito(t.db);
    const mgr = await login(
      t.app,
      (await createTestUser(t.db, [{ role: "udp_manager", ambitoId: target.id }])).username,
    );
    for (const d of [doc, fromXlsx]) {
      const slug = target.slug;
      const imported = await mgr.request({
        method: "POST",
        url: `/api/ambiti/${slug}/plans/import`,
        payload: { ...d, ambito: slug },
      });
      expect(imported.statusCode).toBe(200);
      const back = await mgr.request({
        method: "GET",
        url: `/api/ambiti/${slug}/plans/${imported.json().id}/export?format=json`,
      });
      const again = back.json() as PlanDocument;
      expect({ ...again, ambito: doc.ambito, measurements: [] }).toEqual({ ...doc, measurements: [] });
      expect(again.measurements.map((m) => [m.indicator, m.year, m.value])).toEqual(
        doc.measurements.map((m) => [m.indicator, m.year, m.value]),
      );
    }
  });

  it("imports an uploaded XLSX or JSON file as the web page sends it, and names the bad row of a workbook", async () => {
    const xlsx = (await udp.request({ method: "GET", url: url(`/plans/${planId}/export?format=xlsx`) })).rawPayload;
    const target = await createTestAmbito(t.db);
    const mgr = await login(
      t.app,
      (await createTestUser(t.db, [{ role: "udp_manager", ambitoId: target.id }])).username,
    );
    const upload = (name: string, type: string, content: Buffer) => {
      const body = multipart(name, type, content);
      return mgr.request({
        method: "POST",
        url: `/api/ambiti/${target.slug}/plans/import-file`,
        payload: body.payload,
        headers: body.headers,
      });
    };
    // The workbook names its Ambito: another Ambito's file is refused, nothing written.
    const foreign = await upload("piano.xlsx", XLSX_TYPE, xlsx);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual([
      { path: "ambito", message: `expected '${target.slug}', found '${ambito.slug}'` },
    ]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cellOf = (sheet: ExcelJS.Worksheet, header: string) => {
      const col = (sheet.getRow(1).values as unknown[]).indexOf(header);
      return (row: number) => sheet.getRow(row).getCell(col);
    };
    const plan = book.worksheets[0] as ExcelJS.Worksheet;
    for (let r = 1; r <= plan.rowCount; r++)
      if (plan.getRow(r).getCell(1).value === "ambito") plan.getRow(r).getCell(2).value = target.slug;
    const mine = Buffer.from(await book.xlsx.writeBuffer());
    const created = await upload("piano.xlsx", XLSX_TYPE, mine);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ created: true, version: 1 });
    const list = await mgr.request({ method: "GET", url: `/api/ambiti/${target.slug}/plans` });
    expect(list.json()).toMatchObject([{ title: "Piano Sociale di Zona 2025-2027", objectives: 6 }]);

    const objectives = book.getWorksheet("Obiettivi") as ExcelJS.Worksheet;
    cellOf(objectives, "macroArea")(3).value = "NON-ESISTE";
    const broken = await upload("piano.xlsx", XLSX_TYPE, Buffer.from(await book.xlsx.writeBuffer()));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.fields.map((f: { path: string }) => f.path)).toContain("Obiettivi row 3 (macroArea)");

    const notJson = await upload("piano.json", "application/json", Buffer.from("{ non è json"));
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.fields[0].path).toBe("body.file");
    const disguised = await upload("piano.xlsx", XLSX_TYPE, Buffer.from("%PDF-1.4 not a workbook"));
    expect(disguised.json().error.fields).toEqual([{ path: "body.file", message: "not an XLSX workbook" }]);
    const pdf = await upload("piano.pdf", "application/pdf", Buffer.from("%PDF-1.4"));
    expect(pdf.statusCode).toBe(400);
    // Nothing of the refused files was written.
    const after = await mgr.request({ method: "GET", url: `/api/ambiti/${target.slug}/plans` });
    expect(after.json()).toHaveLength(1);
  });
});
