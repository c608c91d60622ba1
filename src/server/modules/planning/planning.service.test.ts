import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/helpers/db.ts";
import { createTestAmbito, type TestAmbito } from "../../../../test/helpers/factories.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Tenant } from "../../platform/tenancy.ts";
import type { PlanDocument } from "./plan-document.ts";
import { readSeedPlan } from "./planning.seed.ts";
import {
  type Actor,
  addMeasurement,
  editPlan,
  importPlan,
  loadPlan,
  monitorPlan,
  planVersion,
  planVersions,
  transitionPlan,
} from "./planning.service.ts";

const actor: Actor = { userId: null, kind: "cli", name: "test" };
let db: Db;

async function freshAmbito(): Promise<{ a: TestAmbito; tenant: Tenant }> {
  const a = await createTestAmbito(db);
  return { a, tenant: { id: a.id, slug: a.slug, name: a.slug, kind: "ambito" } };
}

/** A seed plan rewritten for a test Ambito. */
function seedDoc(file: Parameters<typeof readSeedPlan>[0], slug: string): PlanDocument {
  return { ...(readSeedPlan(file) as PlanDocument), ambito: slug };
}

function at<T>(list: T[], i: number): T {
  const x = list[i];
  if (x === undefined) throw new Error(`no item ${i}`);
  return x;
}

async function fieldsOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fields: e.fields ?? [] };
    throw e;
  }
  throw new Error("expected a validation error");
}

async function planCount(ambitoId: number) {
  const r = await db
    .selectFrom("plan")
    .select(db.fn.countAll<string>().as("n"))
    .where("ambito_id", "=", ambitoId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  db = await testDb();
});

describe("seeded Visconteo plans", () => {
  it("imports 2022-2024 with its ten evaluated objectives and 2025-2027 with its five sheets and budgets", async () => {
    const { tenant } = await freshAmbito();
    await importPlan(db, tenant, seedDoc("visconteo-2022-2024.json", tenant.slug), actor);
    const created = await importPlan(db, tenant, seedDoc("visconteo-2025-2027.json", tenant.slug), actor);
    const { row, doc } = await loadPlan(db, tenant, created.id);
    expect(row.previous_plan_id).not.toBeNull();
    const innovative = doc.objectives.filter((o) => o.kind === "innovative");
    expect(innovative.map((o) => [o.code, o.budgetCents])).toEqual([
      ["7.1.1", 19500000],
      ["7.1.2", 35749900],
      ["7.1.3", 71000000],
      ["7.1.4", 119439483],
      ["7.1.5", 12000000],
    ]);
    expect(doc.asstSheets).toHaveLength(9);
    expect(doc.asstSheets.find((s) => s.code === "6")?.matrix).toEqual([
      "AT1xLI4",
      "AT1xLI5",
      "AT1xLI6",
      "AT3xLI5",
      "AT7xLI4",
      "AT7xLI5",
    ]);
    const pua = doc.indicators.find((i) => i.code === "ASST6.OUT.1");
    expect(pua?.targets).toEqual([
      { year: 2025, value: 50 },
      { year: 2026, value: 75 },
      { year: 2027, value: 100 },
    ]);
    expect(doc.indicators.find((i) => i.code === "D.OUT.4")?.targets).toEqual([{ year: 2026, value: 82 }]);
    const old = await loadPlan(db, tenant, row.previous_plan_id as number);
    expect(old.doc.evaluations.map((e) => [e.objective, e.achievementPct])).toEqual([
      ["1", 80],
      ["10", 50],
      ["2", 60],
      ["3", 60],
      ["4", 50],
      ["5", 67],
      ["6", 50],
      ["7", 78],
      ["8", 90],
      ["9", 60],
    ]);
  });
});

describe("bad input is refused whole, with the path of each problem", () => {
  it("refuses an objective without macro-area, a target in the wrong unit and a measurement outside the period", async () => {
    const { a, tenant } = await freshAmbito();
    const doc = seedDoc("visconteo-2025-2027.json", tenant.slug);
    doc.objectives[0] = { ...doc.objectives[0], macroArea: "9.9" } as PlanDocument["objectives"][number];
    const e1 = await fieldsOf(importPlan(db, tenant, doc, actor));
    expect(e1.fields).toContainEqual({ path: "objectives[0].macroArea", message: "no macro-area '9.9' in this plan" });

    const doc2 = seedDoc("visconteo-2025-2027.json", tenant.slug);
    const i = doc2.indicators.findIndex((x) => x.code === "E.OUT.1");
    at(doc2.indicators, i).targets = [{ year: 2027, value: 80, unit: "count" }];
    const j = doc2.indicators.findIndex((x) => x.code === "ASST6.OUT.1");
    at(doc2.indicators, j).targets = [{ year: 2026, value: 175 }];
    doc2.measurements = [{ indicator: "B.OUT.1", year: 2024, value: 1, method: "manual", measuredBy: "x" }];
    const e2 = await fieldsOf(importPlan(db, tenant, doc2, actor));
    expect(e2.fields).toEqual(
      expect.arrayContaining([
        {
          path: `indicators[${i}].targets[0].unit`,
          message: "unit 'count' does not match the indicator's unit 'percent'",
        },
        { path: `indicators[${j}].targets[0].value`, message: "a percentage must be between 0 and 100" },
        { path: "measurements[0].year", message: "2024 is outside the plan period 2025-2027" },
      ]),
    );
    expect(await planCount(a.id)).toBe(0);
  });

  it("refuses a missing macro-area field, a broken reference to the previous plan, and unknown LEPS", async () => {
    const { a, tenant } = await freshAmbito();
    const doc = seedDoc("visconteo-2025-2027.json", tenant.slug) as Record<string, unknown> & PlanDocument;
    const { macroArea: _drop, ...noArea } = at(doc.objectives, 1);
    const broken = { ...doc, objectives: [doc.objectives[0], noArea, ...doc.objectives.slice(2)] };
    const e1 = await fieldsOf(importPlan(db, tenant, broken, actor));
    expect(e1.fields.map((f) => f.path)).toContain("objectives.1.macroArea");

    const e2 = await fieldsOf(importPlan(db, tenant, doc, actor));
    expect(e2.fields).toEqual([{ path: "previousPlan", message: "no plan 'Piano di Zona 2022-2024' from 2022" }]);

    doc.previousPlan = null;
    at(doc.objectives, 1).leps = ["XYZ"];
    at(doc.actions, 0).objective = "nope";
    const e3 = await fieldsOf(importPlan(db, tenant, doc, actor));
    expect(e3.fields).toEqual(
      expect.arrayContaining([
        { path: "objectives[1].leps[0]", message: "unknown LEPS 'XYZ'" },
        { path: "actions[0].objective", message: "no objective 'nope' in this plan" },
      ]),
    );
    expect(await planCount(a.id)).toBe(0);
  });
});

describe("versioning", () => {
  it("edits a draft in place, and archives the approved version when an approved plan changes", async () => {
    const { tenant } = await freshAmbito();
    const doc = { ...seedDoc("visconteo-2025-2027.json", tenant.slug), previousPlan: null };
    const { id } = await importPlan(db, tenant, doc, actor);
    const draftEdit = await editPlan(
      db,
      tenant,
      id,
      (d) => ({ ...d, title: "Piano Sociale di Zona 2025-2027" }),
      actor,
    );
    expect(draftEdit.version).toBe(1);
    expect(await planVersions(db, tenant, id)).toEqual([]);

    await expect(transitionPlan(db, tenant, id, "approved", {}, actor)).rejects.toMatchObject({
      fields: [
        { path: "body.act", message: "required to approve" },
        { path: "body.date", message: "required to approve" },
      ],
    });
    await transitionPlan(
      db,
      tenant,
      id,
      "approved",
      { act: "Verbale Assemblea dei Sindaci n. 1", date: "2025-01-20" },
      actor,
    );
    const changed = await editPlan(
      db,
      tenant,
      id,
      (d) => {
        const o = d.objectives.find((x) => x.code === "7.1.5");
        if (o) o.budgetCents = 15000000;
        return d;
      },
      actor,
    );
    expect(changed.version).toBe(2);
    const versions = await planVersions(db, tenant, id);
    expect(versions).toMatchObject([
      { version: 1, status: "approved", approval_act: "Verbale Assemblea dei Sindaci n. 1" },
    ]);
    const archived = await planVersion(db, tenant, id, 1);
    expect(archived.objectives.find((o) => o.code === "7.1.5")?.budgetCents).toBe(12000000);
    const current = await loadPlan(db, tenant, id);
    expect(current.row).toMatchObject({ version: 2, status: "draft", approval_act: null });
    expect(current.doc.objectives.find((o) => o.code === "7.1.5")?.budgetCents).toBe(15000000);
  });

  it("records a measurement without a new version, refusing one outside the period or in the wrong unit", async () => {
    const { tenant } = await freshAmbito();
    const doc = { ...seedDoc("visconteo-2025-2027.json", tenant.slug), previousPlan: null };
    // Entered by hand here (in the seed it is computed from the PUA contacts).
    doc.indicators = doc.indicators.map((x) =>
      x.code === "ASST6.OUT.1" ? { ...x, source: "manual" as const, queryKey: null } : x,
    );
    const { id } = await importPlan(db, tenant, doc, actor);
    await transitionPlan(db, tenant, id, "approved", { act: "Delibera 3", date: "2025-02-01" }, actor);
    const bad = await fieldsOf(
      addMeasurement(
        db,
        tenant,
        id,
        { indicator: "ASST6.OUT.1", year: 2028, value: 60, unit: "count", method: "manual", measuredBy: "x" },
        actor,
      ),
    );
    expect(bad.fields).toEqual([
      { path: "body.year", message: "2028 is outside the plan period 2025-2027" },
      { path: "body.unit", message: "unit 'count' does not match the indicator's unit 'percent'" },
    ]);
    await addMeasurement(
      db,
      tenant,
      id,
      { indicator: "ASST6.OUT.1", year: 2025, value: 40, method: "manual", measuredBy: "x", evidence: "registro PUA" },
      actor,
    );
    expect(await planVersions(db, tenant, id)).toEqual([]);
    const m = await monitorPlan(db, tenant, id, new Date("2025-12-31T00:00:00Z"));
    const pua = m.objectives.find((o) => o.code === "ASST.6")?.indicators.find((i) => i.code === "ASST6.OUT.1");
    expect(pua).toMatchObject({ value: 40, target: 50, finalTarget: 100, progress: 0.4 });
    expect(m.alerts).toContainEqual(expect.objectContaining({ kind: "indicator_off_target", code: "ASST6.OUT.1" }));
  });
});
