import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import {
  createAmbitoWith,
  createTestAmbito,
  createTestUser,
  type TestAmbito,
} from "../../../../test/helpers/factories.ts";
import { seedCatalogueDemo } from "./catalogue.seed.ts";
import visconteo from "./data/visconteo-offerta.json" with { type: "json" };
import { exportHsds, HsdsImportError, importHsds, validateHsds } from "./hsds/hsds.ts";
import { PUBLIC_RATE_LIMIT } from "./public.routes.ts";

let t: TestApp;
/** A fresh Ambito made of the 11 real Visconteo Comuni, seeded with the Visconteo catalogue. */
let seeded: { id: number; slug: string };
let ambito: TestAmbito;
let ets: Session;
let officer: Session;
let ip = 0;
/** Each public call from its own address, so the rate limit test alone exhausts one. */
const pub = (url: string, init: { method?: "GET" | "POST"; payload?: object } = {}) =>
  t.app.inject({
    method: init.method ?? "GET",
    url,
    payload: init.payload,
    remoteAddress: `10.9.${(++ip >> 8) & 255}.${ip & 255}`,
  });

beforeAll(async () => {
  t = await testApp();
  const comuni = await t.db
    .selectFrom("comune")
    .select("istat_code")
    .where(
      "name",
      "in",
      Object.keys(visconteo.comuni).filter((c) => c !== "Milano"),
    )
    .where("region_code", "=", "03")
    .execute();
  seeded = await createAmbitoWith(
    t.db,
    comuni.map((c) => c.istat_code),
  );
  await seedCatalogueDemo(t.db, new Map([["visconteo-sud-milano", seeded.id]]));
  ambito = await createTestAmbito(t.db);
  const e = await createTestUser(t.db, [
    { role: "ets_operator", ambitoId: ambito.id, organisationId: ambito.organisationId },
  ]);
  const o = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
  ets = await login(t.app, e.username);
  officer = await login(t.app, o.username);
});

describe("the seeded Visconteo catalogue", () => {
  it("has the AFAM unità d'offerta with their places, and the seed is idempotent", async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("cat_service")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("ambito_id", "=", seeded.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedCatalogueDemo(t.db, new Map([["visconteo-sud-milano", seeded.id]]));
    expect(await count()).toBe(before);
    const nidi = await t.db
      .selectFrom("cat_service")
      .select((eb) => [eb.fn.countAll().as("n"), eb.fn.sum("capacity").as("places")])
      .where("ambito_id", "=", seeded.id)
      .where("unit_type", "=", "nido")
      .executeTakeFirstOrThrow();
    // Seed 002, l. 3520-3700: 29 asili nido, 1.037 places.
    expect({ n: Number(nidi.n), places: Number(nidi.places) }).toEqual({ n: 29, places: 1037 });
  });
});

describe("public search", () => {
  it("finds services by Italian keyword, stemming plural and singular", async () => {
    const res = await pub(`/api/public/services?ambito=${seeded.slug}&q=anziano centro diurno`);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((s: { name: string }) => s.name);
    expect(names).toContain("Centro diurno anziani La Sorgente");
    const rsa = await pub(`/api/public/services?ambito=${seeded.slug}&q=RSA`);
    expect(rsa.json().total).toBe(4);
  });

  it("filters by age, area and Comune; the list carries places for the map", async () => {
    const baby = await pub(`/api/public/services?ambito=${seeded.slug}&age=1&area=famiglia_minori&limit=100`);
    const items = baby.json().items as { unitType: string; ageMin: number | null; latitude: number | null }[];
    expect(items.length).toBeGreaterThan(29);
    expect(items.every((s) => s.ageMin === null || s.ageMin <= 1)).toBe(true);
    expect(items.some((s) => s.unitType === "cag")).toBe(false); // CAG is 6-18
    expect(items.every((s) => s.latitude !== null)).toBe(true);
    const rozzano = (
      await t.db.selectFrom("comune").select("istat_code").where("name", "=", "Rozzano").executeTakeFirstOrThrow()
    ).istat_code;
    const inRozzano = await pub(`/api/public/services?ambito=${seeded.slug}&comune=${rozzano}&q=nido`);
    expect(inRozzano.json().items.map((s: { comuneName: string }) => s.comuneName)).toEqual(Array(7).fill("Rozzano"));
  });

  it("answers 400 with the field for bad filters, 404 for an unknown Ambito", async () => {
    const bad = await pub("/api/public/services?age=200");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("querystring.age");
    expect((await pub("/api/public/services?ambito=nessuno")).statusCode).toBe(404);
    const odd = await pub(`/api/public/services?ambito=${seeded.slug}&q=${encodeURIComponent("nido & | ! :* (")}`);
    expect(odd.statusCode).toBe(200);
  });

  it("suggests services and the seeded open calls from a few answers, explaining each rule", async () => {
    const res = await pub("/api/public/fit", {
      method: "POST",
      payload: { ambito: seeded.slug, age: 80, area: "anziani", facts: { isee_cents: 2_500_001 } },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.services.map((s: { unitType: string }) => s.unitType)).toContain("rsa");
    expect(body.services.every((s: { userArea: string }) => s.userArea === "anziani")).toBe(true);
    const byCode = Object.fromEntries(
      body.calls.map((c: { code: string; evaluation: unknown }) => [c.code, c.evaluation]),
    );
    // B2: an adult's ISEE above 25.000 € fails; the minors' threshold does not apply at 80.
    expect(byCode["misura-b2-2026"].status).toBe("not_eligible");
    const b2 = Object.fromEntries(
      byCode["misura-b2-2026"].results.map((r: { id: string; outcome: string }) => [r.id, r.outcome]),
    );
    expect(b2).toMatchObject({ isee_adulti: "fail", isee_minori: "not_applicable", disabilita_grave: "unknown" });
    // Rent support: the ISEE fits, the rest is unanswered.
    expect(byCode["sostegno-affitto-2026"].status).toBe("incomplete");
  });

  it("limits abusive traffic per address with 429 and Retry-After, other addresses unaffected", async () => {
    const url = `/api/public/calls/${seeded.slug}`;
    const from = (remoteAddress: string) => t.app.inject({ method: "GET", url, remoteAddress });
    for (let i = 0; i < PUBLIC_RATE_LIMIT.max; i++) expect((await from("10.77.0.1")).statusCode).toBe(200);
    const limited = await from("10.77.0.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await from("10.77.0.2")).statusCode).toBe(200);
  });
});

describe("listings: providers maintain, the Ambito approves", () => {
  const listing = {
    name: "Doposcuola di prova",
    kind: "service",
    userArea: "famiglia_minori",
    description: "Aiuto compiti per ragazzi delle medie",
    ageMin: 11,
    ageMax: 14,
    keywords: "compiti scuola",
  };

  it("an ETS listing is a draft, invisible to the public until approved, then shows when it was verified", async () => {
    const created = await ets.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings`,
      payload: listing,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      status: "draft",
      providerName: "Cooperativa di prova",
      lastVerifiedAt: null,
    });
    expect((await pub(`/api/public/services/${ambito.slug}/${id}`)).statusCode).toBe(404);
    const early = await officer.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings/${id}/review`,
      payload: { decision: "approve" },
    });
    expect(early.statusCode).toBe(409);
    expect(
      (await ets.request({ method: "POST", url: `/api/ambiti/${ambito.slug}/catalogue/listings/${id}/submit` })).json()
        .status,
    ).toBe("submitted");
    const selfApprove = await ets.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings/${id}/review`,
      payload: { decision: "approve" },
    });
    expect(selfApprove.statusCode).toBe(403);
    const ok = await officer.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings/${id}/review`,
      payload: { decision: "approve" },
    });
    expect(ok.json().status).toBe("approved");
    const page = await pub(`/api/public/services/${ambito.slug}/${id}`);
    expect(page.statusCode).toBe(200);
    expect(Date.parse(page.json().lastVerifiedAt)).toBeGreaterThan(Date.now() - 60_000);
    const found = await pub(`/api/public/services?ambito=${ambito.slug}&q=compito`);
    expect(found.json().items.map((s: { id: number }) => s.id)).toEqual([id]);
    // The provider's edit sends the listing back to review.
    const edited = await ets.request({
      method: "PUT",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings/${id}`,
      payload: { ...listing, ageMax: 15 },
    });
    expect(edited.json().status).toBe("draft");
    expect((await pub(`/api/public/services/${ambito.slug}/${id}`)).statusCode).toBe(404);
  });

  it("refuses a reversed age range and a SIUSS code of the wrong shape", async () => {
    const res = await ets.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings`,
      payload: { ...listing, name: "Altro", ageMin: 20, ageMax: 10 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("body.ageMin");
    const siuss = await ets.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/catalogue/listings`,
      payload: { ...listing, name: "Altro", siussCode: "A105" },
    });
    expect(siuss.json().error.fields[0].path).toBe("body.siussCode");
  });
});

describe("HSDS 3 exchange", () => {
  it("exports the catalogue as an HSDS page that validates against the HSDS service schema", async () => {
    const page = await exportHsds(t.db, seeded.slug);
    expect(validateHsds(page)).toEqual([]);
    expect(page.total_items).toBe(page.contents.length);
    const cse = page.contents.find((s) => s.name === "CSE CiDiQuì") as Record<string, unknown>;
    expect(cse).toMatchObject({ status: "active", minimum_age: 16 });
    const attrs = (cse.attributes as { value?: string; taxonomy_term: { taxonomy: string; code: string } }[]).map(
      (a) => [a.taxonomy_term.taxonomy, a.value ?? a.taxonomy_term.code],
    );
    expect(attrs).toEqual(
      expect.arrayContaining([
        ["istat:area-utenza", "disabili"],
        ["inps:siuss-prestazione", "A3.01"],
        ["lombardia:unita-offerta", "cse"],
        ["filiera:capacita", "21"],
      ]),
    );
    // The schema check is real: a broken status is reported with its JSON path.
    const broken = structuredClone(page);
    (broken.contents[2] as Record<string, unknown>).status = "open";
    expect(validateHsds(broken)[0]).toMatchObject({ path: "/contents/2/status" });
  });

  it("imports into another Ambito all or nothing, reporting each problem with its JSON path", async () => {
    const page = await exportHsds(t.db, seeded.slug);
    const target = await createAmbitoWith(t.db, [ambito.comuni.rozzano, ambito.comuni.opera]);
    // Only Rozzano and Opera belong to the target: every service elsewhere is an error, nothing written.
    const count = () =>
      t.db
        .selectFrom("cat_service")
        .select("id")
        .where("ambito_id", "=", target.id)
        .execute()
        .then((r) => r.length);
    try {
      await importHsds(t.db, page, { ambito: target.slug });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HsdsImportError);
      const first = (e as HsdsImportError).problems[0];
      expect(first?.path).toMatch(/^\/contents\/\d+\/attributes$|\/city$/);
    }
    expect(await count()).toBe(0);
    const local = {
      ...page,
      contents: page.contents.filter((s) =>
        (s.service_at_locations as { location: { addresses: { city: string }[] } }[]).every((l) =>
          ["Rozzano", "Opera"].includes(l.location.addresses[0]?.city ?? ""),
        ),
      ),
    };
    local.contents = local.contents.map((s) => ({
      ...s,
      attributes: (s.attributes as { taxonomy_term: { taxonomy: string } }[]).filter(
        (a) => a.taxonomy_term.taxonomy !== "filiera:ambito",
      ),
    }));
    local.total_items = local.contents.length;
    const result = await importHsds(t.db, local, { ambito: target.slug });
    expect(result).toMatchObject({ services: local.contents.length, created: local.contents.length, updated: 0 });
    expect(await count()).toBe(local.contents.length);
    const again = await importHsds(t.db, local, { ambito: target.slug });
    expect(again).toMatchObject({ created: 0, updated: local.contents.length });
  });
});
