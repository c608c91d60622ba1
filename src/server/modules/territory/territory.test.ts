import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestUser } from "../../../../test/helpers/factories.ts";
import { seedEnti } from "./index.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe("Lombardy reference data", () => {
  it("ships every Lombardy Comune with ISTAT and cadastral codes, versioned", async () => {
    const count = await t.db
      .selectFrom("comune")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("region_code", "=", "03")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1506);
    const rozzano = await t.db
      .selectFrom("comune")
      .selectAll()
      .where("istat_code", "=", "015189")
      .executeTakeFirstOrThrow();
    expect(rozzano).toMatchObject({ name: "Rozzano", cadastral_code: "H623", province_abbr: "MI" });
    const dataset = await t.db
      .selectFrom("ref_dataset")
      .selectAll()
      .where("name", "=", "istat-comuni-lombardia")
      .executeTakeFirstOrThrow();
    expect(dataset.version).toBe("2020-01-01");
    expect(dataset.licence).toContain("CC BY");
  });
});

describe("the three real enti", () => {
  it("seeds idempotently", async () => {
    const first = await seedEnti(t.db);
    const again = await seedEnti(t.db);
    expect([...again.entries()]).toEqual([...first.entries()]);
  });

  it("serves each ente's territory to its users", async () => {
    const ids = await seedEnti(t.db);
    const expected = {
      "visconteo-sud-milano": {
        comuni: 11,
        municipi: 0,
        includes: "Rozzano",
        asst: "ASST Melegnano e della Martesana",
      },
      "cernusco-distretto-4": {
        comuni: 9,
        municipi: 0,
        includes: "Gorgonzola",
        asst: "ASST Melegnano e della Martesana",
      },
      milano: { comuni: 1, municipi: 9, includes: "Milano", asst: null },
    } as const;
    for (const [slug, e] of Object.entries(expected)) {
      const u = await createTestUser(t.db, [{ role: "mayor", ambitoId: ids.get(slug) as number }]);
      const s = await login(t.app, u.username);
      const res = await s.request({ method: "GET", url: `/api/ambiti/${slug}` });
      expect(res.statusCode, slug).toBe(200);
      const body = res.json();
      expect(body.comuni, slug).toHaveLength(e.comuni);
      expect(body.municipi, slug).toHaveLength(e.municipi);
      expect(
        body.comuni.map((c: { name: string }) => c.name),
        slug,
      ).toContain(e.includes);
      expect(body.asst?.name ?? null, slug).toBe(e.asst);
      expect(body.ats.name).toBe("ATS della Città Metropolitana di Milano");
      const ambiti = (await s.request({ method: "GET", url: "/api/ambiti" })).json();
      expect(ambiti.map((a: { slug: string }) => a.slug)).toEqual([slug]);
    }
  });

  it("finds Comuni by name, prefix matches first", async () => {
    const u = await createTestUser(t.db, []);
    const s = await login(t.app, u.username);
    const res = await s.request({ method: "GET", url: "/api/comuni?q=rozz" });
    expect(res.json()[0]).toMatchObject({ istatCode: "015189", name: "Rozzano" });
    const short = await s.request({ method: "GET", url: "/api/comuni?q=r" });
    expect(short.statusCode).toBe(400);
  });
});
