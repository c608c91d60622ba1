import { randomBytes, randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { fiscalCodeCheckChar } from "../../../shared/fiscal-code.ts";
import data from "../catalogue/data/calls.json" with { type: "json" };

/** Issue 7: the applicant hears of each step of their application in their in-app inbox. */
const RENT = data.calls.find((c) => c.code === "sostegno-affitto-2026");
if (!RENT) throw new Error("rent-support call missing from the seed data");
const DAY = 86_400_000;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const facts = {
  isee_cents: 1_200_000,
  resident_in_ambito: true,
  residence_months: 14,
  housing: "private_rent",
  registered_contract: true,
  eviction_procedure: false,
  adequate_dwelling: false,
  household_size: 3,
  minors_in_household: 0,
};
/** A valid codice fiscale no other test uses (app_user.fiscal_code is unique in the worker's database). */
const freshCf = () => {
  const first15 = `RSSMRA80A01H${String(randomInt(100, 999))}`;
  return `${first15}${fiscalCodeCheckChar(first15)}`;
};

interface Item {
  id: number;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  readAt: string | null;
}

let t: TestApp;
let ambito: TestAmbito;
let citizen: Session;
let other: Session;
let officer: Session;
let worker: Session;
let represented: Session;
let representedCf: string;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const [c, x, o, w, r] = await Promise.all([
    createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]),
    createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]),
    createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]),
    createTestUser(t.db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano }]),
    createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]),
  ]);
  representedCf = freshCf();
  await t.db.updateTable("app_user").set({ fiscal_code: representedCf }).where("id", "=", r.id).execute();
  [citizen, other, officer, worker, represented] = await Promise.all([
    login(t.app, c.username),
    login(t.app, x.username),
    login(t.app, o.username),
    login(t.app, w.username),
    login(t.app, r.username),
  ]);
});

const base = () => `/api/ambiti/${ambito.slug}`;

async function createCall(code: string, budgetCents = 27_120_735) {
  const row = await t.db
    .insertInto("cat_call")
    .values({
      ambito_id: ambito.id,
      code,
      title: `Contributo affitto ${code}`,
      status: "open",
      opens_at: new Date(Date.now() - 10 * DAY),
      deadline: new Date(Date.now() + 30 * DAY),
      budget_cents: budgetCents,
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

/** Drafts, attaches the contract and submits; returns the id and the receipt. */
async function submitted(s: Session, callCode: string, cf: string, extra: Record<string, unknown> = {}) {
  const res = await s.request({
    method: "POST",
    url: `${base()}/my/applications`,
    payload: {
      callCode,
      applicantName: "Maria Rossi",
      applicantFiscalCode: cf,
      householdFiscalCode: cf,
      applicantComune: ambito.comuni.rozzano,
      facts,
      requestedCents: 150_000,
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const att = await s.request({
    method: "POST",
    url: `${base()}/my/applications/${id}/attachments`,
    payload: {
      documentCode: "contratto",
      filename: "c.pdf",
      mediaType: "application/pdf",
      contentBase64: PDF.toString("base64"),
    },
  });
  expect(att.statusCode, att.body).toBe(200);
  const sub = await s.request({ method: "POST", url: `${base()}/my/applications/${id}/submit` });
  expect(sub.statusCode, sub.body).toBe(200);
  return { id, receipt: sub.json().receiptCode as string, protocol: sub.json().protocolNumber as string };
}

const review = async (id: number, body: object) => {
  const res = await officer.request({ method: "POST", url: `${base()}/applications/${id}/review`, payload: body });
  expect(res.statusCode, res.body).toBe(200);
};

async function inbox(s: Session, query = "") {
  const res = await s.request({ method: "GET", url: `/api/me/notifications${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; unread: number; page: number; pageSize: number };
}

/** The caller's notifications about one receipt, oldest first. */
const about = async (s: Session, receipt: string) =>
  (await inbox(s, "?pageSize=100")).items.filter((n) => n.params.receiptCode === receipt).reverse();

describe("notifications of the application workflow", () => {
  it("tells the applicant of submission, request for documents, resubmission and approval", async () => {
    await createCall("steps");
    const cf = freshCf();
    const { id, receipt, protocol } = await submitted(citizen, "steps", cf);
    await review(id, { action: "request_documents", reason: "Allegare la certificazione sanitaria" });
    const again = await citizen.request({ method: "POST", url: `${base()}/my/applications/${id}/submit` });
    expect(again.statusCode).toBe(200);
    await review(id, { action: "approve" });
    const mine = await about(citizen, receipt);
    expect(mine.map((n) => n.kind)).toEqual([
      "application_submitted",
      "documents_requested",
      "application_resubmitted",
      "application_approved",
    ]);
    expect(mine[0]).toMatchObject({
      params: { callTitle: "Contributo affitto steps", protocolNumber: protocol, receiptCode: receipt },
      link: `/stato-domanda?codice=${receipt}`,
      readAt: null,
    });
    // The officer's words, the applicant's name and codice fiscale stay behind the link.
    const text = JSON.stringify(mine);
    for (const secret of ["certificazione", "Rossi", cf]) expect(text).not.toContain(secret);
    expect(await about(other, receipt)).toEqual([]);
  });

  it("says why a rejection happened only as a kind, and tells the outcome of the appeal", async () => {
    await createCall("appeal");
    const { id, receipt } = await submitted(citizen, "appeal", freshCf());
    await review(id, { action: "reject", reason: "Contratto intestato ad altra persona" });
    const appeal = await citizen.request({
      method: "POST",
      url: `${base()}/my/applications/${id}/appeal`,
      payload: { text: "Il contratto è intestato a me, allego copia." },
    });
    expect(appeal.statusCode, appeal.body).toBe(200);
    await review(id, { action: "approve" });
    const mine = await about(citizen, receipt);
    expect(mine.map((n) => n.kind)).toEqual(["application_submitted", "application_rejected", "appeal_upheld"]);
    expect(mine[1]?.params.reasonKind).toBe("other");
    expect(JSON.stringify(mine)).not.toContain("intestato");
  });

  it("tells each applicant the published ranking: funded, waiting list or excluded", async () => {
    const callId = await createCall("ranking", 150_000);
    const funded = await submitted(citizen, "ranking", freshCf());
    const waiting = await submitted(other, "ranking", freshCf(), { facts: { ...facts, isee_cents: 2_000_000 } });
    const excluded = await submitted(citizen, "ranking", freshCf());
    await review(funded.id, { action: "approve" });
    await review(waiting.id, { action: "approve" });
    await review(excluded.id, { action: "reject", reason: "Dichiarazione non veritiera" });
    const computed = await officer.request({ method: "POST", url: `${base()}/calls/${callId}/ranking` });
    expect(computed.statusCode).toBe(200);
    // Computing is not publishing: nobody hears yet.
    expect((await about(citizen, funded.receipt)).map((n) => n.kind)).not.toContain("ranking_funded");
    const published = await officer.request({ method: "POST", url: `${base()}/calls/${callId}/ranking/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect((await about(citizen, funded.receipt)).at(-1)).toMatchObject({
      kind: "ranking_funded",
      params: { rank: 1 },
    });
    expect((await about(other, waiting.receipt)).at(-1)).toMatchObject({
      kind: "ranking_waiting",
      params: { rank: 2 },
    });
    const last = (await about(citizen, excluded.receipt)).at(-1);
    expect(last?.kind).toBe("ranking_excluded");
    expect(last?.params.rank).toBeUndefined();
  });

  it("for an application filed on someone's behalf, tells the filer and the citizen's own account", async () => {
    await createCall("behalf");
    const { id, receipt } = await submitted(worker, "behalf", representedCf, {
      onBehalf: { kind: "social_worker" },
    });
    await review(id, { action: "approve" });
    for (const s of [worker, represented]) {
      expect((await about(s, receipt)).map((n) => n.kind)).toEqual(["application_submitted", "application_approved"]);
    }
    expect(await about(citizen, receipt)).toEqual([]);
  });

  it("shows each user only their own notifications, with read and unread counts", async () => {
    await createCall("inbox");
    await submitted(other, "inbox", freshCf());
    const before = await inbox(other);
    expect(before.unread).toBeGreaterThan(0);
    expect(before.total).toBeGreaterThanOrEqual(before.unread);
    const first = before.items[0] as Item;
    // Someone else's notification is "not found", for reading and for marking.
    const foreign = await citizen.request({ method: "POST", url: `/api/me/notifications/${first.id}/read` });
    expect(foreign.statusCode).toBe(404);
    expect((await inbox(other)).unread).toBe(before.unread);
    const read = await other.request({ method: "POST", url: `/api/me/notifications/${first.id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const after = await inbox(other);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.total).toBe(before.total);
    expect((await inbox(other, "?unread=true")).items.map((n) => n.id)).not.toContain(first.id);
    const page = await inbox(other, "?pageSize=1&page=2");
    expect(page.items).toHaveLength(before.total > 1 ? 1 : 0);
    const all = await other.request({ method: "POST", url: "/api/me/notifications/read-all" });
    expect(all.json()).toEqual({ updated: before.unread - 1 });
    expect((await inbox(other)).unread).toBe(0);
    expect((await t.app.inject({ method: "GET", url: "/api/me/notifications" })).statusCode).toBe(401);
    const bad = await other.request({ method: "GET", url: "/api/me/notifications?pageSize=1000" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("querystring.pageSize");
  });
});
