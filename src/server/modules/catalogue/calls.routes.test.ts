import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import data from "./data/calls.json" with { type: "json" };

const RENT = data.calls.find((c) => c.code === "sostegno-affitto-2026");
if (!RENT) throw new Error("rent-support call missing from the seed data");
const DAY = 86_400_000;

/** The seeded rent-support call's real rules in a test Ambito, with a budget and deadline of the test's choosing. */
async function createRentCall(
  t: TestApp,
  ambitoId: number,
  o: { code?: string; budgetCents?: number; deadlineInDays?: number; status?: "open" | "paused" } = {},
) {
  const row = await t.db
    .insertInto("cat_call")
    .values({
      ambito_id: ambitoId,
      code: o.code ?? "affitto",
      title: RENT?.title ?? "",
      status: o.status ?? "open",
      opens_at: new Date(Date.now() - 10 * DAY),
      deadline: new Date(Date.now() + (o.deadlineInDays ?? 30) * DAY),
      budget_cents: o.budgetCents ?? 27_120_735,
      max_grant_cents: 150_000,
      eligibility: JSON.stringify(RENT?.eligibility),
      scoring: JSON.stringify(RENT?.scoring),
      required_documents: JSON.stringify(RENT?.requiredDocuments),
      salt: randomBytes(8).toString("hex"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
const facts = {
  isee_cents: 1_200_000,
  resident_in_ambito: true,
  residence_months: 14,
  housing: "private_rent",
  registered_contract: true,
  eviction_procedure: false,
  adequate_dwelling: false,
  household_size: 3,
  minors_in_household: 1,
};
// Valid codici fiscali (check characters computed), one per household.
const CF = ["RSSMRA80A01H501U", "VRDLGU75C12F205G", "BNCNNA90D45F205P", "RSSGPP62M10L219H", "FRRLCU85T20H501F"];

let t: TestApp;
let ambito: TestAmbito;
let citizen: Session;
let citizen2: Session;
let officer: Session;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const c1 = await createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]);
  const c2 = await createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]);
  const o = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
  citizen = await login(t.app, c1.username);
  citizen2 = await login(t.app, c2.username);
  officer = await login(t.app, o.username);
});

const base = () => `/api/ambiti/${ambito.slug}`;

async function draft(s: Session, callCode: string, cf: string, extra: Record<string, unknown> = {}) {
  const res = await s.request({
    method: "POST",
    url: `${base()}/my/applications`,
    payload: {
      callCode,
      applicantName: "Maria Rossi",
      applicantFiscalCode: cf,
      householdFiscalCode: cf,
      facts,
      requestedCents: 150_000,
      applicantComune: ambito.comuni.rozzano,
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const attach = (s: Session, id: number, content: Buffer, filename = "contratto.pdf", mediaType = "application/pdf") =>
  s.request({
    method: "POST",
    url: `${base()}/my/applications/${id}/attachments`,
    payload: { documentCode: "contratto", filename, mediaType, contentBase64: content.toString("base64") },
  });
const submit = (s: Session, id: number) => s.request({ method: "POST", url: `${base()}/my/applications/${id}/submit` });
const review = (id: number, body: object) =>
  officer.request({ method: "POST", url: `${base()}/applications/${id}/review`, payload: body });

describe("applying to a call", () => {
  it("drafts, attaches, submits: protocol number and receipt, status by receipt without login", async () => {
    await createRentCall(t, ambito.id, { code: "flow" });
    const id = await draft(citizen, "flow", CF[0] as string);
    expect((await attach(citizen, id, PDF)).statusCode).toBe(200);
    const res = await submit(citizen, id);
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json();
    expect(receipt.protocolNumber).toMatch(/^\d{4}\/\d{6}$/);
    expect(receipt.receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const lookup = await t.app.inject({ method: "GET", url: `/api/public/receipts/${receipt.receiptCode}` });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({ status: "submitted", protocolNumber: receipt.protocolNumber, ranking: null });
    expect(lookup.body).not.toContain("Rossi");
    expect((await t.app.inject({ method: "GET", url: "/api/public/receipts/AAAA-BBBB-CCCC" })).statusCode).toBe(404);
  });

  it("refuses a second application by the same household, whoever files it", async () => {
    await createRentCall(t, ambito.id, { code: "dup" });
    const first = await draft(citizen, "dup", CF[1] as string);
    await attach(citizen, first, PDF);
    expect((await submit(citizen, first)).statusCode).toBe(200);
    const second = await draft(citizen2, "dup", CF[1] as string, { applicantFiscalCode: CF[2] });
    await attach(citizen2, second, PDF);
    const res = await submit(citizen2, second);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("already been submitted");
  });

  it("refuses after the deadline and while the call is paused", async () => {
    const callId = await createRentCall(t, ambito.id, { code: "late" });
    const id = await draft(citizen, "late", CF[3] as string);
    await attach(citizen, id, PDF);
    await t.db
      .updateTable("cat_call")
      .set({ deadline: new Date(Date.now() - 1000) })
      .where("id", "=", callId)
      .execute();
    const res = await submit(citizen, id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("deadline");
    await createRentCall(t, ambito.id, { code: "paused", status: "paused" });
    const paused = await citizen.request({
      method: "POST",
      url: `${base()}/my/applications`,
      payload: {
        callCode: "paused",
        applicantName: "X Y",
        applicantFiscalCode: CF[3],
        householdFiscalCode: CF[3],
        facts,
        requestedCents: 1,
      },
    });
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.message).toContain("paused");
  });

  it("refuses a submission without the required document, and one that fails a rule, naming the field", async () => {
    await createRentCall(t, ambito.id, { code: "docs" });
    const id = await draft(citizen, "docs", CF[4] as string);
    const missing = await submit(citizen, id);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { path: "attachments.contratto", message: "missing: Contratto di locazione registrato" },
    ]);
    await attach(citizen, id, PDF);
    const patch = await citizen.request({
      method: "PATCH",
      url: `${base()}/my/applications/${id}`,
      payload: { facts: { ...facts, isee_cents: 2_600_001 } },
    });
    expect(patch.json().evaluation.status).toBe("not_eligible");
    const over = await submit(citizen, id);
    expect(over.statusCode).toBe(400);
    expect(over.json().error.fields[0]).toEqual({
      path: "body.facts.isee_cents",
      message: "Requirement not met. ISEE: 26,000.01 € (required: at most 26,000.00 €)",
    });
  });

  it("requires the applicant's Comune of residence, one of the Ambito's, before submission", async () => {
    await createRentCall(t, ambito.id, { code: "comune" });
    const id = await draft(citizen, "comune", CF[0] as string, { applicantComune: undefined });
    await attach(citizen, id, PDF);
    const missing = await submit(citizen, id);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      { path: "body.applicantComune", message: "required: the Comune of residence, among the Ambito's Comuni" },
    ]);
    // Milan is a Lombard Comune, but not one of this Ambito's.
    const elsewhere = await citizen.request({
      method: "PATCH",
      url: `${base()}/my/applications/${id}`,
      payload: { applicantComune: "015146" },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields).toEqual([
      { path: "body.applicantComune", message: "not a Comune of this Ambito" },
    ]);
    const set = await citizen.request({
      method: "PATCH",
      url: `${base()}/my/applications/${id}`,
      payload: { applicantComune: ambito.comuni.opera },
    });
    expect(set.json().applicantComune).toBe(ambito.comuni.opera);
    expect((await submit(citizen, id)).statusCode).toBe(200);
  });

  it("refuses an ISEE out of range, a bad codice fiscale, disguised and oversized attachments", async () => {
    await createRentCall(t, ambito.id, { code: "bad" });
    const bad = await citizen.request({
      method: "POST",
      url: `${base()}/my/applications`,
      payload: {
        callCode: "bad",
        applicantName: "X Y",
        applicantFiscalCode: "RSSMRA80A01H501X",
        householdFiscalCode: CF[0],
        facts: { isee_cents: -5 },
        requestedCents: 100,
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.applicantFiscalCode", "body.facts.isee_cents"]));

    const id = await draft(citizen, "bad", CF[0] as string);
    const disguised = await attach(citizen, id, EXE, "contratto.pdf");
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error.message).toContain("only PDF, PNG and JPEG");
    const renamed = await attach(
      citizen,
      id,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      "contratto.pdf",
    );
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.fields[0].path).toBe("body.filename");
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]);
    const oversized = await attach(citizen, id, big);
    expect(oversized.statusCode).toBe(400);
    expect(oversized.json().error.message).toContain("exceeds 2 MB");
    const detail = await citizen.request({ method: "GET", url: `${base()}/my/applications/${id}` });
    expect(detail.json().attachments).toEqual([]);
  });

  it("keeps applications private: another citizen gets 404, a citizen cannot review", async () => {
    await createRentCall(t, ambito.id, { code: "priv" });
    const id = await draft(citizen, "priv", CF[2] as string);
    expect((await citizen2.request({ method: "GET", url: `${base()}/my/applications/${id}` })).statusCode).toBe(404);
    expect((await citizen.request({ method: "GET", url: `${base()}/applications/${id}` })).statusCode).toBe(403);
  });
});

describe("review, ranking and publication", () => {
  it("ranks approved applications by score with ties, funds until the budget runs out, recomputes identically", async () => {
    // Budget for two grants of 1.500 €: the third approved application waits.
    const callId = await createRentCall(t, ambito.id, { code: "rank", budgetCents: 300_000 });
    const isee = [500_000, 900_000, 900_000, 2_000_000];
    const ids: number[] = [];
    const receipts: string[] = [];
    for (const [i, value] of isee.entries()) {
      const s = i % 2 === 0 ? citizen : citizen2;
      const id = await draft(s, "rank", CF[i] as string, {
        facts: { ...facts, isee_cents: value, minors_in_household: 0 },
      });
      await attach(s, id, PDF);
      const res = await submit(s, id);
      receipts.push(res.json().receiptCode);
      ids.push(id);
    }
    const queue = await officer.request({ method: "GET", url: `${base()}/calls/${callId}/applications` });
    expect(queue.json().map((a: { id: number }) => a.id)).toEqual(ids);
    expect((await review(ids[0] as number, { action: "start_review" })).json().status).toBe("under_review");
    for (const id of ids.slice(0, 3)) expect((await review(id, { action: "approve" })).json().status).toBe("approved");
    const rejected = await review(ids[3] as number, { action: "reject", reason: "Contratto non registrato" });
    expect(rejected.json()).toMatchObject({ status: "rejected", decisionReason: "Contratto non registrato" });
    expect((await review(ids[3] as number, { action: "approve" })).statusCode).toBe(409);

    const first = await officer.request({ method: "POST", url: `${base()}/calls/${callId}/ranking` });
    expect(first.statusCode).toBe(200);
    const ranking = first.json();
    // ISEE 5.000 € first; the two at 9.000 € tie on score and ISEE: the earlier submission wins.
    expect(ranking.rows.map((r: { applicationId: number }) => r.applicationId)).toEqual([ids[0], ids[1], ids[2]]);
    expect(ranking.rows.map((r: { outcome: string }) => r.outcome)).toEqual(["funded", "funded", "waiting"]);
    expect(ranking).toMatchObject({ fundedCount: 2, waitingCount: 1, fundedCents: 300_000 });
    const again = await officer.request({ method: "POST", url: `${base()}/calls/${callId}/ranking` });
    expect(again.json().rows).toEqual(ranking.rows);

    const hidden = await t.app.inject({ method: "GET", url: `/api/public/calls/${ambito.slug}/rank/ranking` });
    expect(hidden.statusCode).toBe(404);
    expect(
      (await officer.request({ method: "POST", url: `${base()}/calls/${callId}/ranking/publish` })).statusCode,
    ).toBe(200);
    const pub = await t.app.inject({ method: "GET", url: `/api/public/calls/${ambito.slug}/rank/ranking` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().rows[0]).toEqual({
      rank: 1,
      pseudoId: expect.stringMatching(/^P-[0-9A-F]{8}$/),
      score: expect.any(Number),
      outcome: "funded",
      fundedCents: 150_000,
    });
    expect(pub.body).not.toMatch(/Rossi|RSSMRA|applicationId|protocol/);

    const mine = await t.app.inject({ method: "GET", url: `/api/public/receipts/${receipts[2]}` });
    expect(mine.json()).toMatchObject({ status: "approved", ranking: { rank: 3, outcome: "waiting", fundedCents: 0 } });
    const refused = await t.app.inject({ method: "GET", url: `/api/public/receipts/${receipts[3]}` });
    expect(refused.json()).toMatchObject({
      status: "rejected",
      decisionReason: "Contratto non registrato",
      ranking: null,
    });

    // The appeal reopens the rejected application; a new approval joins the next computation.
    const appeal = await citizen2.request({
      method: "POST",
      url: `${base()}/my/applications/${ids[3]}/appeal`,
      payload: { text: "Allego la ricevuta di registrazione del contratto." },
    });
    expect(appeal.json().status).toBe("appealed");
    expect((await review(ids[3] as number, { action: "approve" })).json().status).toBe("approved");
    const after = await officer.request({ method: "POST", url: `${base()}/calls/${callId}/ranking` });
    expect(after.json()).toMatchObject({ waitingCount: 2, publishedAt: null });
  });

  it("asks for documents: the applicant completes and resubmits keeping the protocol", async () => {
    await createRentCall(t, ambito.id, { code: "integr" });
    const id = await draft(citizen, "integr", CF[4] as string);
    await attach(citizen, id, PDF);
    const { protocolNumber, receiptCode } = (await submit(citizen, id)).json();
    const asked = await review(id, { action: "request_documents", reason: "Manca la ricevuta di registrazione" });
    expect(asked.json().status).toBe("needs_documents");
    const lookup = await t.app.inject({ method: "GET", url: `/api/public/receipts/${receiptCode}` });
    expect(lookup.json().documentsRequest).toBe("Manca la ricevuta di registrazione");
    await attach(citizen, id, PDF, "ricevuta.pdf");
    const again = await submit(citizen, id);
    expect(again.json()).toMatchObject({ protocolNumber, receiptCode });
  });

  it("audits every step with ids only: no names, codici fiscali or ISEE", async () => {
    const events = await t.db
      .selectFrom("audit_event")
      .select(["action", "details"])
      .where("ambito_id", "=", ambito.id)
      .where("entity_type", "in", ["cat_application", "cat_call"])
      .execute();
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      "application.create",
      "application.attach",
      "application.submit",
      "application.queue",
      "application.approve",
      "application.reject",
      "ranking.compute",
      "ranking.publish",
      "application.appeal",
    ]) {
      expect(actions).toContain(a);
    }
    const all = JSON.stringify(events.map((e) => e.details));
    expect(all).not.toMatch(/Rossi|RSSMRA|VRDLGU|isee|1200000/i);
  });
});
