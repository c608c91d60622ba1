import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { fiscalCodeCheckChar } from "../../../shared/fiscal-code.ts";

let t: TestApp;
let ambito: TestAmbito;
const cf = (first15: string) => first15 + fiscalCodeCheckChar(first15);

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
});

async function socialWorker(comune: string) {
  const u = await createTestUser(t.db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: comune }], "as");
  return { ...u, s: await login(t.app, u.username) };
}

const auditOf = (entityId: string) =>
  t.db
    .selectFrom("audit_event")
    .selectAll()
    .where("chain_id", "=", ambito.id)
    .where("entity_id", "=", entityId)
    .orderBy("seq")
    .execute();

describe("person registry scoped by Comune", () => {
  it("lets a social worker register and read people of their Comune, and audits both", async () => {
    const { s, id: userId } = await socialWorker(ambito.comuni.rozzano);
    const code = cf("BNCLRA85T52H623");
    const created = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: {
        comuneIstat: ambito.comuni.rozzano,
        fiscalCode: code.toLowerCase(),
        familyName: "Bianchi",
        givenName: "Laura",
      },
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person.fiscalCode).toBe(code);
    expect(person.birthDate).toBe("1985-12-12");
    expect(person.sex).toBe("F");

    const read = await s.request({
      method: "GET",
      url: `/api/ambiti/${ambito.slug}/people/${person.id}`,
      headers: { "x-purpose": "valutazione" },
    });
    expect(read.statusCode).toBe(200);
    const events = await auditOf(person.id);
    expect(events.map((e) => e.action)).toEqual(["person.create", "person.read"]);
    expect(events[1]?.actor_user_id).toBe(userId);
    expect(events[1]?.purpose).toBe("valutazione");
    // Names and codici fiscali never reach the audit log.
    const raw = JSON.stringify(events);
    expect(raw).not.toContain("Bianchi");
    expect(raw).not.toContain(code);
  });

  it("hides another Comune's people: 403 on direct read (audited as denied), absent from lists", async () => {
    const rozzano = await socialWorker(ambito.comuni.rozzano);
    const opera = await socialWorker(ambito.comuni.opera);
    const created = await opera.s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: ambito.comuni.opera, provisional: true, familyName: "Senza", givenName: "Codice" },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;

    const direct = await rozzano.s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/people/${id}` });
    expect(direct.statusCode).toBe(403);
    const denied = (await auditOf(id)).find((e) => e.outcome === "denied");
    expect(denied?.actor_user_id).toBe(rozzano.id);

    const list = await rozzano.s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/people?q=senza` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).not.toContain(id);

    const filter = await rozzano.s.request({
      method: "GET",
      url: `/api/ambiti/${ambito.slug}/people?comuneIstat=${ambito.comuni.opera}`,
    });
    expect(filter.statusCode).toBe(403);

    const write = await rozzano.s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: ambito.comuni.opera, provisional: true, familyName: "X", givenName: "Y" },
    });
    expect(write.statusCode).toBe(403);
  });

  it("finds a person by full codice fiscale (any case, spaces around) or by name prefix, within the Comune", async () => {
    const rozzano = await socialWorker(ambito.comuni.rozzano);
    const opera = await socialWorker(ambito.comuni.opera);
    const code = cf("CRSLCU75M41H623");
    const mine = await rozzano.s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: ambito.comuni.rozzano, fiscalCode: code, familyName: "Cerise", givenName: "Lucia" },
    });
    expect(mine.statusCode).toBe(201);
    const elsewhere = cf("CRSMRC80A01H623");
    const theirs = await opera.s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: ambito.comuni.opera, fiscalCode: elsewhere, familyName: "Cerise", givenName: "Marco" },
    });
    expect(theirs.statusCode).toBe(201);
    const search = async (q: string) => {
      const res = await rozzano.s.request({
        method: "GET",
        url: `/api/ambiti/${ambito.slug}/people?q=${encodeURIComponent(q)}`,
      });
      expect(res.statusCode, q).toBe(200);
      return (res.json().items as { id: string }[]).map((p) => p.id);
    };
    expect(await search(code)).toEqual([mine.json().id]);
    expect(await search(` ${code.toLowerCase()} `)).toEqual([mine.json().id]);
    expect(await search("ceri")).toEqual([mine.json().id]);
    expect(await search("cerise luc")).toEqual([mine.json().id]);
    // Another Comune's person stays out of reach by code too (the lookup route is for emergencies).
    expect(await search(elsewhere)).toEqual([]);
    // A code with a wrong check character is no code: it matches nobody.
    expect(await search(code.slice(0, 15) + (code[15] === "A" ? "B" : "A"))).toEqual([]);
  });

  it("lets a worker find, by name or code, another Comune's person whose case team they are on", async () => {
    const rozzano = await socialWorker(ambito.comuni.rozzano);
    const opera = await socialWorker(ambito.comuni.opera);
    const code = cf("VLTGNN50A01H623");
    const created = await opera.s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: ambito.comuni.opera, fiscalCode: code, familyName: "Valtorta", givenName: "Gianni" },
    });
    const personId = created.json().id as string;
    const search = async (q: string) =>
      (
        (await rozzano.s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/people?q=${q}` })).json().items as {
          id: string;
        }[]
      ).map((p) => p.id);
    expect(await search("valtorta")).toEqual([]);
    const kase = await t.db
      .insertInto("social_case")
      .values({
        ambito_id: ambito.id,
        person_id: personId,
        comune_istat: ambito.comuni.opera,
        responsible_user_id: opera.id,
        user_area: "anziani",
        siuss_area: 2,
        level: "voluntary",
        opened_on: "2026-01-10",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("case_team_member")
      .values({ ambito_id: ambito.id, case_id: kase.id, user_id: rozzano.id, role: "member" })
      .execute();
    expect(await search("valtorta")).toEqual([personId]);
    expect(await search(code)).toEqual([personId]);
  });

  it("does not let a social worker of another Ambito in at all", async () => {
    const other = await createTestAmbito(t.db);
    const u = await createTestUser(t.db, [
      { role: "social_worker", ambitoId: other.id, comuneIstat: other.comuni.rozzano },
    ]);
    const s = await login(t.app, u.username);
    const res = await s.request({ method: "GET", url: `/api/ambiti/${ambito.slug}/people` });
    expect(res.statusCode).toBe(403);
  });

  it("validates the codice fiscale with a field-level message", async () => {
    const { s } = await socialWorker(ambito.comuni.rozzano);
    const good = cf("VRDGPP70A01F205");
    const wrongCheck = good.slice(0, 15) + (good[15] === "A" ? "B" : "A");
    for (const [code, message] of [
      ["RSSMRA80", "16 characters"],
      ["1234567890123456", "shaped"],
      [wrongCheck, "check character"],
    ] as const) {
      const res = await s.request({
        method: "POST",
        url: `/api/ambiti/${ambito.slug}/people`,
        payload: { comuneIstat: ambito.comuni.rozzano, fiscalCode: code, familyName: "A", givenName: "B" },
      });
      expect(res.statusCode, code).toBe(400);
      const field = res.json().error.fields.find((f: { path: string }) => f.path === "body.fiscalCode");
      expect(field?.message, code).toContain(message);
    }
    const missing = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: ambito.comuni.rozzano, familyName: "A", givenName: "B" },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe("body.fiscalCode");
  });

  it("refuses a duplicate codice fiscale in the Ambito with 409", async () => {
    const { s } = await socialWorker(ambito.comuni.rozzano);
    const payload = {
      comuneIstat: ambito.comuni.rozzano,
      fiscalCode: cf("NREFNC60C03H623"),
      familyName: "Neri",
      givenName: "Franco",
    };
    expect((await s.request({ method: "POST", url: `/api/ambiti/${ambito.slug}/people`, payload })).statusCode).toBe(
      201,
    );
    expect((await s.request({ method: "POST", url: `/api/ambiti/${ambito.slug}/people`, payload })).statusCode).toBe(
      409,
    );
  });

  it("rejects a Comune outside the Ambito and a birth date that contradicts the codice fiscale", async () => {
    const { s } = await socialWorker(ambito.comuni.rozzano);
    const outside = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: { comuneIstat: "015146", provisional: true, familyName: "A", givenName: "B" },
    });
    expect(outside.statusCode).toBe(400);
    const contradicts = await s.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/people`,
      payload: {
        comuneIstat: ambito.comuni.rozzano,
        fiscalCode: cf("GLLMRC90B15H623"),
        birthDate: "1990-02-16",
        familyName: "Galli",
        givenName: "Marco",
      },
    });
    expect(contradicts.statusCode).toBe(400);
    expect(contradicts.json().error.fields[0].path).toBe("body.birthDate");
  });
});
