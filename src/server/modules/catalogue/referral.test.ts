import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { splitName } from "../cases/index.ts";
import data from "./data/calls.json" with { type: "json" };

/** Issue 7.6: an approved application opens or feeds the applicant's file in the Cartella Sociale. */
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
  minors_in_household: 1,
};

let t: TestApp;
let ambito: TestAmbito;
let citizen: Session;
let officer: Session;
let rozzanoWorker: Session;
let operaWorker: Session;
let rozzanoWorkerId: number;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const c = await createTestUser(t.db, [{ role: "citizen", ambitoId: ambito.id }]);
  const o = await createTestUser(t.db, [{ role: "udp_officer", ambitoId: ambito.id }]);
  const r = await createTestUser(t.db, [
    { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano },
  ]);
  const p = await createTestUser(t.db, [
    { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.opera },
  ]);
  rozzanoWorkerId = r.id;
  [citizen, officer, rozzanoWorker, operaWorker] = await Promise.all([
    login(t.app, c.username),
    login(t.app, o.username),
    login(t.app, r.username),
    login(t.app, p.username),
  ]);
  await t.db
    .insertInto("cat_call")
    .values({
      ambito_id: ambito.id,
      code: "affitto",
      title: RENT?.title ?? "",
      status: "open",
      opens_at: new Date(Date.now() - 10 * DAY),
      deadline: new Date(Date.now() + 30 * DAY),
      budget_cents: 27_120_735,
      max_grant_cents: 150_000,
      eligibility: JSON.stringify(RENT?.eligibility),
      scoring: JSON.stringify(RENT?.scoring),
      required_documents: JSON.stringify(RENT?.requiredDocuments),
      salt: randomBytes(8).toString("hex"),
    })
    .execute();
});

const base = () => `/api/ambiti/${ambito.slug}`;

/** A submitted application of the rent-support call (the Comune of residence is required); returns its id. */
async function submitted(name: string, cf: string, comune: string) {
  const res = await citizen.request({
    method: "POST",
    url: `${base()}/my/applications`,
    payload: {
      callCode: "affitto",
      applicantName: name,
      applicantFiscalCode: cf,
      householdFiscalCode: cf,
      facts,
      requestedCents: 150_000,
      applicantComune: comune,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const att = await citizen.request({
    method: "POST",
    url: `${base()}/my/applications/${id}/attachments`,
    payload: {
      documentCode: "contratto",
      filename: "contratto.pdf",
      mediaType: "application/pdf",
      contentBase64: PDF.toString("base64"),
    },
  });
  expect(att.statusCode, att.body).toBe(200);
  const sub = await citizen.request({ method: "POST", url: `${base()}/my/applications/${id}/submit` });
  expect(sub.statusCode, sub.body).toBe(200);
  return id;
}
const approve = (id: number) =>
  officer.request({ method: "POST", url: `${base()}/applications/${id}/review`, payload: { action: "approve" } });

describe("approved application → Cartella Sociale", () => {
  it("splits the applicant's name with the codice fiscale, in either order", () => {
    expect(splitName("Maria Rossi", "RSSMRA80A01H501U")).toEqual({ familyName: "Rossi", givenName: "Maria" });
    expect(splitName("Rossi Giuseppe", "RSSGPP62M10L219H")).toEqual({ familyName: "Rossi", givenName: "Giuseppe" });
    expect(splitName("Mario Bianchi", "RSSMRA80A01H501U")).toBeNull();
  });

  it("registers the applicant in their Comune with a referral contact the Comune's social worker sees", async () => {
    const id = await submitted("Maria Rossi", "RSSMRA80A01H501U", ambito.comuni.rozzano);
    const res = await approve(id);
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json();
    expect(app.status).toBe("approved");
    expect(app.referralContactId).toMatch(/^[0-9a-f-]{36}$/);

    // The Rozzano social worker finds the contact in the Comune's list, then the person's file.
    const list = await rozzanoWorker.request({ method: "GET", url: `${base()}/access-contacts` });
    expect(list.statusCode, list.body).toBe(200);
    const contact = list.json().items.find((c: { id: string }) => c.id === app.referralContactId);
    expect(contact).toMatchObject({
      comuneIstat: ambito.comuni.rozzano,
      point: "segretariato",
      channel: "service_referral",
      outcome: "referral",
      request: `Domanda ${app.protocolNumber} approvata: ${RENT?.title}`,
    });
    expect(contact.request).not.toMatch(/12\.?000|isee/i);
    const person = await rozzanoWorker.request({ method: "GET", url: `${base()}/people/${contact.personId}` });
    expect(person.statusCode, person.body).toBe(200);
    expect(JSON.stringify(person.json())).toContain("RSSMRA80A01H501U");
    expect(person.json()).toMatchObject({ familyName: "Rossi", givenName: "Maria", birthDate: "1980-01-01" });
    const own = await rozzanoWorker.request({
      method: "GET",
      url: `${base()}/people/${contact.personId}/access-contacts`,
    });
    expect(own.json().items.map((c: { id: string }) => c.id)).toContain(app.referralContactId);

    // ... and can open a case from the referral.
    const opened = await rozzanoWorker.request({
      method: "POST",
      url: `${base()}/cases`,
      payload: {
        personId: contact.personId,
        comuneIstat: ambito.comuni.rozzano,
        userArea: "famiglia_minori",
        level: "voluntary",
        openedOn: new Date().toISOString().slice(0, 10),
        responsibleUserId: rozzanoWorkerId,
        accessContactId: app.referralContactId,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);

    // The Opera social worker sees neither the person nor the contact.
    const other = await operaWorker.request({ method: "GET", url: `${base()}/people/${contact.personId}` });
    expect([403, 404]).toContain(other.statusCode);
    const otherList = await operaWorker.request({ method: "GET", url: `${base()}/access-contacts` });
    expect(otherList.json().items.map((c: { id: string }) => c.id)).not.toContain(app.referralContactId);

    // Audited with ids only.
    const events = await t.db
      .selectFrom("audit_event")
      .select(["action", "entity_id", "details"])
      .where("ambito_id", "=", ambito.id)
      .where("action", "in", ["person.create", "access.create", "application.approve"])
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(["access.create", "application.approve", "person.create"]);
    expect(events.find((e) => e.action === "access.create")?.entity_id).toBe(app.referralContactId);
    expect(JSON.stringify(events)).not.toMatch(/Rossi|Maria|RSSMRA|1200000/i);
  });

  it("feeds the file of a person already registered, in the Comune that follows them", async () => {
    const existing = await t.db
      .insertInto("person")
      .values({
        ambito_id: ambito.id,
        comune_istat: ambito.comuni.opera,
        fiscal_code: "VRDLGU75C12F205G",
        family_name: "Verdi",
        given_name: "Luigi",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The applicant names Rozzano, but the Comune that already follows them (Opera) gets the contact.
    const id = await submitted("Luigi Verdi", "VRDLGU75C12F205G", ambito.comuni.rozzano);
    const app = (await approve(id)).json();
    expect(app.referralContactId).not.toBeNull();
    const contact = await t.db
      .selectFrom("access_contact")
      .select(["person_id", "comune_istat"])
      .where("ambito_id", "=", ambito.id)
      .where("id", "=", app.referralContactId)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ person_id: existing.id, comune_istat: ambito.comuni.opera });
    const people = await t.db
      .selectFrom("person")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("ambito_id", "=", ambito.id)
      .where("fiscal_code", "=", "VRDLGU75C12F205G")
      .executeTakeFirstOrThrow();
    expect(people.n).toBe(1);
  });

  it("approves without a referral when the applicant is unknown and gave no Comune, and says why", async () => {
    const id = await submitted("Anna Bianchi", "BNCNNA90D45F205P", ambito.comuni.rozzano);
    // As an application submitted before the Comune was required.
    await t.db
      .updateTable("cat_application")
      .set({ applicant_comune_istat: null })
      .where("ambito_id", "=", ambito.id)
      .where("id", "=", id)
      .execute();
    const app = (await approve(id)).json();
    expect(app).toMatchObject({ status: "approved", referralContactId: null });
    const person = await t.db
      .selectFrom("person")
      .select("id")
      .where("ambito_id", "=", ambito.id)
      .where("fiscal_code", "=", "BNCNNA90D45F205P")
      .executeTakeFirst();
    expect(person).toBeUndefined();
    const ev = await t.db
      .selectFrom("audit_event")
      .select("details")
      .where("ambito_id", "=", ambito.id)
      .where("action", "=", "application.approve")
      .where("entity_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ referral: "no_comune" });
  });

  it("rolls back the approval when the referral cannot be written", async () => {
    const id = await submitted("Giuseppe Rossi", "RSSGPP62M10L219H", ambito.comuni.opera);
    // Forces the access_contact insert of this Ambito only to fail, as a broken Cartella would.
    const name = `no_contact_${ambito.id}`;
    await sql`alter table access_contact add constraint ${sql.id(name)} check (ambito_id <> ${sql.lit(ambito.id)}) not valid`.execute(
      t.db,
    );
    try {
      const res = await approve(id);
      expect(res.statusCode).not.toBe(200);
    } finally {
      await sql`alter table access_contact drop constraint ${sql.id(name)}`.execute(t.db);
    }
    const app = await t.db
      .selectFrom("cat_application")
      .select(["status", "referral_contact_id"])
      .where("ambito_id", "=", ambito.id)
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(app).toEqual({ status: "submitted", referral_contact_id: null });
    const person = await t.db
      .selectFrom("person")
      .select("id")
      .where("ambito_id", "=", ambito.id)
      .where("fiscal_code", "=", "RSSGPP62M10L219H")
      .executeTakeFirst();
    expect(person).toBeUndefined();
    // Once the Cartella works again, the same approval goes through with its referral.
    expect((await approve(id)).json()).toMatchObject({ status: "approved", referralContactId: expect.any(String) });
  });
});
