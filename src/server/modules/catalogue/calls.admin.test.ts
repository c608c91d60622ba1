import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

/** A small but real call: ISEE threshold and residence, ISEE-based points, tie-break on household size. */
const call = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  title: "Contributo straordinario affitti",
  description: "Sostegno una tantum per i canoni arretrati.",
  budgetCents: 5_000_000,
  maxGrantCents: 100_000,
  opensAt: inDays(-1),
  deadline: inDays(30),
  eligibility: [
    {
      id: "isee",
      label: { it: "ISEE fino a 20.000 €", en: "ISEE up to € 20,000" },
      test: { fact: "isee_cents", op: "lte", value: 2_000_000 },
    },
    {
      id: "residenza",
      label: { it: "Residenza nell'Ambito", en: "Resident in the Ambito" },
      test: { fact: "resident_in_ambito", op: "eq", value: true },
    },
  ],
  scoring: {
    parts: [
      {
        id: "isee",
        label: { it: "ISEE più basso", en: "Lower ISEE" },
        linear: { fact: "isee_cents", from: 0, to: 2_000_000, points: 60 },
      },
    ],
    tieBreaks: [{ fact: "household_size", order: "desc" }],
  },
  requiredDocuments: [],
  ...extra,
});

let t: TestApp;
let ambito: TestAmbito;
let officer: Session;
let citizen: Session;
let ets: Session;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const o = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
  const c = await createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]);
  const e = await createTestUser(t.db, [
    { role: "ets_operator", ambitoId: ambito.id, organisationId: ambito.organisationId },
  ]);
  officer = await login(t.app, o.username);
  citizen = await login(t.app, c.username);
  ets = await login(t.app, e.username);
});

const base = () => `/api/ambiti/${ambito.slug}/calls`;
const create = (s: Session, body: object) => s.request({ method: "POST", url: base(), payload: body });
const edit = (s: Session, id: number, body: object) =>
  s.request({ method: "PUT", url: `${base()}/${id}`, payload: body });
const setStatus = (s: Session, id: number, status: string) =>
  s.request({ method: "POST", url: `${base()}/${id}/status`, payload: { status } });
const fieldPaths = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { path: string }) => f.path);

async function created(code: string, extra: Record<string, unknown> = {}) {
  const res = await create(officer, call(code, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: number;
    code: string;
    status: string;
    acceptsApplications: boolean;
    opensAt: string;
    deadline: string;
  };
}

describe("call editor: create, edit, open", () => {
  it("creates a draft call hidden from the public, edits it, opens it, and the portal lists it as accepting applications", async () => {
    const c = await created("affitti-straordinario");
    expect(c).toMatchObject({ status: "draft", acceptsApplications: false });
    const publicBefore = await t.app.inject({ method: "GET", url: `/api/public/calls/${ambito.slug}` });
    expect(publicBefore.json().some((x: { code: string }) => x.code === c.code)).toBe(false);
    const draftPage = await t.app.inject({ method: "GET", url: `/api/public/calls/${ambito.slug}/${c.code}` });
    expect(draftPage.statusCode).toBe(404);

    const { code: _code, ...body } = call(c.code, { opensAt: c.opensAt, deadline: c.deadline });
    const res = await edit(officer, c.id, { ...body, title: "Contributo affitti 2026", budgetCents: 7_500_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: "Contributo affitti 2026", budgetCents: 7_500_000 });

    const opened = await setStatus(officer, c.id, "open");
    expect(opened.statusCode, opened.body).toBe(200);
    const pub = await t.app.inject({ method: "GET", url: `/api/public/calls/${ambito.slug}/${c.code}` });
    expect(pub.json()).toMatchObject({ title: "Contributo affitti 2026", status: "open", acceptsApplications: true });

    const events = await t.db
      .selectFrom("audit_event")
      .select(["action", "details"])
      .where("entity_type", "=", "cat_call")
      .where("entity_id", "=", String(c.id))
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["call.create", "call.update", "call.status"]);
    expect(events[1]?.details).toEqual({ changed: "title,budgetCents" });
  });

  it("opens only with rules and a future deadline; pauses only an open call; a published ranking is final", async () => {
    const empty = await created("senza-regole", { eligibility: [] });
    const noRules = await setStatus(officer, empty.id, "open");
    expect(noRules.statusCode).toBe(409);
    expect(fieldPaths(noRules.body)).toEqual(["eligibility"]);
    // The back office's older status route goes through the same checks.
    const viaPatch = await officer.request({
      method: "PATCH",
      url: `${base()}/${empty.id}`,
      payload: { status: "open" },
    });
    expect(viaPatch.statusCode).toBe(409);
    expect(fieldPaths(viaPatch.body)).toEqual(["eligibility"]);

    const late = await created("scaduto");
    await t.db
      .updateTable("cat_call")
      .set({ deadline: new Date(Date.now() - 1000) })
      .where("id", "=", late.id)
      .execute();
    const expired = await setStatus(officer, late.id, "open");
    expect(expired.statusCode).toBe(409);
    expect(fieldPaths(expired.body)).toEqual(["deadline"]);

    const c = await created("ciclo");
    expect((await setStatus(officer, c.id, "paused")).statusCode).toBe(409); // a draft cannot be paused
    expect((await setStatus(officer, c.id, "open")).statusCode).toBe(200);
    expect((await setStatus(officer, c.id, "open")).statusCode).toBe(409);
    expect((await setStatus(officer, c.id, "paused")).json().status).toBe("paused");
    expect((await setStatus(officer, c.id, "closed")).json().status).toBe("closed");
    await t.db.updateTable("cat_call").set({ ranking_published_at: new Date() }).where("id", "=", c.id).execute();
    const reopen = await setStatus(officer, c.id, "open");
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toContain("ranking");
  });
});

describe("call editor: bad input is reported per field", () => {
  it("points at the rule, the condition and the value that are wrong", async () => {
    const res = await create(
      officer,
      call("regole-sbagliate", {
        eligibility: [
          { id: "isee", label: { it: "ISEE", en: "ISEE" }, test: { fact: "isee_cents", op: "lte", value: "20000" } },
          {
            id: "isee",
            label: { it: "", en: "Residence" },
            test: { fact: "resident_in_ambito", op: "gt", value: true },
          },
          { id: "x", label: { it: "x", en: "x" }, test: { all: [{ fact: "housing", op: "in", value: ["castle"] }] } },
          { id: "y", label: { it: "y", en: "y" }, test: { fact: "shoe_size", op: "eq", value: 42 } },
        ],
        scoring: {
          parts: [
            { id: "p", label: { it: "p", en: "p" }, linear: { fact: "isee_cents", from: 10, to: 10, points: 5 } },
            { id: "q", label: { it: "q", en: "q" }, when: { fact: "age", op: "gte", value: 65 }, points: "tanti" },
          ],
          tieBreaks: [{ fact: "age", order: "up" }],
        },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res.body).sort()).toEqual(
      [
        "body.eligibility.0.test.value",
        "body.eligibility.1.id",
        "body.eligibility.1.label.it",
        "body.eligibility.1.test.op",
        "body.eligibility.2.test.all.0.value",
        "body.eligibility.3.test.fact",
        "body.scoring.parts.0.linear.to",
        "body.scoring.parts.1.points",
        "body.scoring.tieBreaks.0.order",
      ].sort(),
    );
  });

  it("refuses a deadline before the opening, a taken code and a service of another Ambito", async () => {
    await created("doppio");
    const res = await create(officer, call("doppio", { opensAt: inDays(10), deadline: inDays(5), serviceId: 999_999 }));
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res.body).sort()).toEqual(["body.code", "body.deadline", "body.serviceId"]);
    const garbage = await create(officer, { code: "Not A Code", title: "", maxGrantCents: -1, opensAt: "ieri" });
    expect(garbage.statusCode).toBe(400);
    expect(fieldPaths(garbage.body)).toEqual(
      expect.arrayContaining(["body.code", "body.title", "body.maxGrantCents", "body.opensAt", "body.deadline"]),
    );
  });

  it("previews draft rules on example answers with the engine's explanation, storing nothing", async () => {
    const { eligibility, scoring } = call("anteprima");
    const res = await officer.request({
      method: "POST",
      url: `${base()}/rules-preview`,
      payload: { eligibility, scoring, facts: { isee_cents: 2_100_000, resident_in_ambito: true } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { evaluation } = res.json();
    expect(evaluation.status).toBe("not_eligible");
    expect(evaluation.results[0].explanation.it).toContain("21.000,00 €");
    const bad = await officer.request({
      method: "POST",
      url: `${base()}/rules-preview`,
      payload: { eligibility: [{ ...eligibility[0], test: { fact: "age", op: "in", value: [] } }], scoring, facts: {} },
    });
    expect(fieldPaths(bad.body)).toEqual(["body.eligibility.0.test.op"]);
  });
});

describe("call editor: who may, and when rules are locked", () => {
  it("refuses citizens and ETS operators", async () => {
    const c = await created("riservato");
    for (const s of [citizen, ets]) {
      expect((await create(s, call("da-fuori"))).statusCode).toBe(403);
      expect((await edit(s, c.id, call("riservato"))).statusCode).toBe(403);
      expect((await setStatus(s, c.id, "open")).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: "POST", url: base(), payload: call("anonimo") })).statusCode).toBe(401);
  });

  it("locks eligibility and scoring once an application is submitted, but not the title or the budget", async () => {
    const c = await created("bloccato");
    await setStatus(officer, c.id, "open");
    const draft = await citizen.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/my/applications`,
      payload: {
        callCode: c.code,
        applicantName: "Maria Rossi",
        applicantFiscalCode: "RSSMRA80A01H501U",
        householdFiscalCode: "RSSMRA80A01H501U",
        applicantComune: ambito.comuni.rozzano,
        facts: { isee_cents: 900_000, resident_in_ambito: true, household_size: 2 },
        requestedCents: 100_000,
      },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const { code: _code, ...body } = call(c.code);
    // While only a draft exists the rules may still change.
    const looser = {
      ...body,
      eligibility: [{ ...body.eligibility[0], test: { fact: "isee_cents", op: "lte", value: 2_500_000 } }],
    };
    expect((await edit(officer, c.id, looser)).statusCode).toBe(200);
    const submitted = await citizen.request({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/my/applications/${draft.json().id}/submit`,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const locked = await edit(officer, c.id, {
      ...looser,
      eligibility: body.eligibility,
      scoring: { ...body.scoring, tieBreaks: [] },
    });
    expect(locked.statusCode).toBe(409);
    expect(fieldPaths(locked.body)).toEqual(["body.eligibility", "body.scoring"]);
    expect(locked.json().error.message).toContain("ranked under the published rules");
    const fine = await edit(officer, c.id, { ...looser, title: "Titolo corretto", budgetCents: 9_000_000 });
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json().eligibility[0].test.value).toBe(2_500_000);
  });
});
