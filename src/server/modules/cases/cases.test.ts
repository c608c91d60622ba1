import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { fiscalCodeCheckChar } from "../../../shared/fiscal-code.ts";

let t: TestApp;
let ambito: TestAmbito;
const cf = (first15: string) => first15 + fiscalCodeCheckChar(first15);
const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const api = (path: string) => `/api/ambiti/${ambito.slug}${path}`;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
});

interface Worker {
  id: number;
  s: Session;
}
async function worker(comune: "rozzano" | "opera"): Promise<Worker> {
  const u = await createTestUser(
    t.db,
    [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni[comune] }],
    "as",
  );
  return { id: u.id, s: await login(t.app, u.username) };
}

let cfCounter = 0;
/** A person of Rozzano with a case opened by `w`: the fixture most tests start from. */
async function personWithCase(w: Worker, comune: "rozzano" | "opera" = "rozzano") {
  cfCounter++;
  const code = cf(`RSSMRA${String(50 + cfCounter).padStart(2, "0")}A01H623`);
  const person = await w.s.request({
    method: "POST",
    url: api("/people"),
    payload: { comuneIstat: ambito.comuni[comune], fiscalCode: code, familyName: "Rossi", givenName: "Maria" },
  });
  expect(person.statusCode, person.body).toBe(201);
  const personId = person.json().id as string;
  const opened = await w.s.request({
    method: "POST",
    url: api("/cases"),
    payload: {
      personId,
      comuneIstat: ambito.comuni[comune],
      userArea: "anziani",
      level: "voluntary",
      openedOn: today(),
    },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { personId, caseId: opened.json().id as string, code };
}

const auditFor = (entityId: string) =>
  t.db
    .selectFrom("audit_event")
    .selectAll()
    .where("chain_id", "=", ambito.id)
    .where("entity_id", "=", entityId)
    .orderBy("seq")
    .execute();

describe("a social worker's case, from access to diary", () => {
  it("records an access, opens a case, assesses, plans, intervenes and writes the diary; all audited without names", async () => {
    const w = await worker("rozzano");
    const code = cf("BNCGNN40A41H623");
    const person = await w.s.request({
      method: "POST",
      url: api("/people"),
      payload: {
        comuneIstat: ambito.comuni.rozzano,
        fiscalCode: code,
        familyName: "Bianchi",
        givenName: "Giovanna",
        citizenshipCode: "100",
        birthPlaceCode: "H623",
      },
    });
    expect(person.statusCode, person.body).toBe(201);
    const personId = person.json().id;

    const access = await w.s.request({
      method: "POST",
      url: api("/access-contacts"),
      payload: {
        personId,
        comuneIstat: ambito.comuni.rozzano,
        point: "pua",
        channel: "in_person",
        contactDate: today(),
        request: "Non riesce più a uscire di casa",
        outcome: "full_intake",
        puaRouting: "complex",
      },
    });
    expect(access.statusCode, access.body).toBe(201);
    expect(access.json().answeredBy).toBe(w.id);

    const opened = await w.s.request({
      method: "POST",
      url: api("/cases"),
      payload: {
        personId,
        comuneIstat: ambito.comuni.rozzano,
        userArea: "anziani",
        level: "voluntary",
        openedOn: today(),
        accessContactId: access.json().id,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id;

    const options = (await w.s.request({ method: "GET", url: api("/cases/options") })).json();
    const svama = options.forms.find((f: { code: string }) => f.code === "svama-lite");
    expect(svama).toBeDefined();
    const assessed = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/assessments`),
      payload: {
        formId: svama.id,
        assessedOn: today(),
        answers: {
          mobilita: "2",
          adl: "3",
          disturbi_cognitivi: "2",
          disturbi_comportamentali: "1",
          cure_sanitarie: "2",
          area_reddituale: "1",
          area_supporto: "3",
          abitazione: "adeguata",
        },
      },
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    // 6 + 16 + 5 + 0 + 5 + 0 + 8 + 0 points.
    expect(assessed.json().score).toBe(40);
    expect(assessed.json().band).toBe("Bisogno assistenziale moderato");

    const plan = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: {
        version: 0,
        status: "active",
        goals: [
          {
            id: "g1",
            text: "Restare a casa in sicurezza",
            actions: [{ text: "SAD tre volte a settimana", who: "Comune" }],
          },
        ],
        nextReviewOn: tomorrow(),
        pattoSignedOn: today(),
      },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().version).toBe(1);

    const sad = options.serviceTypes.find((s: { code: string }) => s.code === "SAD");
    const intervention = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/interventions`),
      payload: {
        serviceTypeId: sad.id,
        providerOrgId: ambito.organisationId,
        startDate: today(),
        frequency: "weekly",
        hoursPerPeriod: 6,
        amountCents: 120000,
        shareComuneCents: 90000,
        shareUserCents: 30000,
        shareHealthCents: 0,
      },
    });
    expect(intervention.statusCode, intervention.body).toBe(201);
    expect(intervention.json().siussCode).toBe("A2.07");

    const note = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/notes`),
      payload: { noteType: "home_visit", occurredOn: today(), body: "Visita domiciliare con la figlia" },
    });
    expect(note.statusCode, note.body).toBe(201);

    const file = await w.s.request({
      method: "GET",
      url: api(`/cases/${caseId}`),
      headers: { "x-purpose": "verifica mensile" },
    });
    expect(file.statusCode, file.body).toBe(200);
    const body = file.json();
    expect(body.person.id).toBe(personId);
    expect(body.case.team.map((m: { userId: number }) => m.userId)).toEqual([w.id]);
    expect(body.assessments).toHaveLength(1);
    expect(body.plan.goals[0].id).toBe("g1");
    expect(body.interventions[0].shareUserCents).toBe(30000);
    expect(body.notes[0].noteType).toBe("home_visit");
    // Saving the plan with a review date schedules the review for the responsible worker.
    expect(body.tasks.find((x: { kind: string }) => x.kind === "review_due")?.dueOn).toBe(tomorrow());

    const events = await auditFor(caseId);
    expect(events.map((e) => e.action)).toEqual([
      "case.open",
      "assessment.create",
      "plan.save",
      "intervention.create",
      "note.create",
      "case.read",
    ]);
    expect(events.at(-1)?.purpose).toBe("verifica mensile");
    const raw = JSON.stringify(
      await t.db.selectFrom("audit_event").select(["details", "purpose"]).where("chain_id", "=", ambito.id).execute(),
    );
    for (const secret of ["Bianchi", "Giovanna", code, "Non riesce", "Visita domiciliare"])
      expect(raw).not.toContain(secret);
    const report = (await w.s.request({ method: "GET", url: api(`/people/${personId}/access-report`) })).json();
    expect(report.items.map((i: { action: string }) => i.action)).toEqual(
      expect.arrayContaining(["person.create", "access.create", "case.open", "note.create", "case.read"]),
    );
  });
});

describe("permission boundaries", () => {
  it("hides another Comune's case as if it did not exist, and audits the attempt", async () => {
    const rozzano = await worker("rozzano");
    const opera = await worker("opera");
    const { personId, caseId } = await personWithCase(rozzano);
    const missing = await opera.s.request({ method: "GET", url: api("/cases/00000000-0000-4000-8000-000000000000") });
    const other = await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) });
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toEqual(missing.json().error);
    const write = await opera.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/notes`),
      payload: { noteType: "other", occurredOn: today(), body: "tentativo" },
    });
    expect(write.statusCode).toBe(404);
    expect((await opera.s.request({ method: "GET", url: api(`/people/${personId}/file`) })).statusCode).toBe(403);
    const list = (await opera.s.request({ method: "GET", url: api("/cases") })).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const denied = (await auditFor(caseId)).filter((e) => e.outcome === "denied");
    expect(denied.map((e) => [e.action, e.actor_user_id])).toEqual([
      ["case.read", opera.id],
      ["note.create", opera.id],
    ]);
  });

  it("opens the case to a worker of another Comune who joins the team", async () => {
    const rozzano = await worker("rozzano");
    const opera = await worker("opera");
    const { caseId, personId } = await personWithCase(rozzano);
    expect((await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).statusCode).toBe(404);
    const added = await rozzano.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/team`),
      payload: { userId: opera.id },
    });
    expect(added.statusCode).toBe(204);
    const file = await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) });
    expect(file.statusCode).toBe(200);
    expect(file.json().access).toBe("team");
    const search = (await opera.s.request({ method: "GET", url: api("/people?q=rossi") })).json();
    expect(search.items.map((p: { id: string }) => p.id)).toContain(personId);
  });

  it("lets a time-limited grant open the file until it expires", async () => {
    const rozzano = await worker("rozzano");
    const opera = await worker("opera");
    const { personId, caseId } = await personWithCase(rozzano);
    const granted = await rozzano.s.request({
      method: "POST",
      url: api(`/people/${personId}/grants`),
      payload: { userId: opera.id, days: 7, reason: "passaggio di consegne" },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect((await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).json().access).toBe("grant");
    // Opera cannot pass the grant on: only the service in charge grants.
    const regrant = await opera.s.request({
      method: "POST",
      url: api(`/people/${personId}/grants`),
      payload: { userId: rozzano.id, days: 1, reason: "prova" },
    });
    expect(regrant.statusCode).toBe(403);
    await t.db
      .updateTable("file_access_grant")
      .set({ valid_from: new Date(Date.now() - 2 * 86_400_000), valid_until: new Date(Date.now() - 1000) })
      .where("id", "=", granted.json().id)
      .execute();
    expect((await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).statusCode).toBe(404);
    expect((await opera.s.request({ method: "GET", url: api(`/people/${personId}`) })).statusCode).toBe(403);
  });

  it("records an emergency access: reason required, read-only, audited, listed for review, then expires", async () => {
    const rozzano = await worker("rozzano");
    const opera = await worker("opera");
    const manager = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }]);
    const m = await login(t.app, manager.username);
    const { personId, caseId } = await personWithCase(rozzano);

    const noReason = await opera.s.request({
      method: "POST",
      url: api(`/people/${personId}/emergency-access`),
      payload: { reason: "urgente" },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe("body.reason");
    const opened = await opera.s.request({
      method: "POST",
      url: api(`/people/${personId}/emergency-access`),
      payload: { reason: "Ricovero in pronto soccorso di notte, serve sapere chi contattare" },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const file = await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) });
    expect(file.statusCode).toBe(200);
    expect(file.json().access).toBe("emergency");
    const write = await opera.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/notes`),
      payload: { noteType: "other", occurredOn: today(), body: "scrittura" },
    });
    expect(write.statusCode).toBe(403);

    const personEvents = await auditFor(personId);
    const emergency = personEvents.find((e) => e.action === "person.emergency_access");
    expect(emergency?.actor_user_id).toBe(opera.id);
    expect(JSON.stringify(emergency?.details)).not.toContain("pronto soccorso");

    expect((await rozzano.s.request({ method: "GET", url: api("/emergency-access") })).statusCode).toBe(403);
    const pending = (await m.request({ method: "GET", url: api("/emergency-access?pending=true") })).json();
    const item = pending.items.find((i: { id: number }) => i.id === opened.json().id);
    expect(item).toMatchObject({ personId, userId: opera.id, reviewOutcome: null });
    const reviewed = await m.request({
      method: "POST",
      url: api(`/emergency-access/${item.id}/review`),
      payload: { outcome: "justified" },
    });
    expect(reviewed.statusCode).toBe(204);
    const after = (await m.request({ method: "GET", url: api("/emergency-access?pending=true") })).json();
    expect(after.items.map((i: { id: number }) => i.id)).not.toContain(item.id);

    await t.db
      .updateTable("emergency_access")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", item.id)
      .execute();
    expect((await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).statusCode).toBe(404);

    // The person's access report names every reader, including the emergency.
    const report = (await rozzano.s.request({ method: "GET", url: api(`/people/${personId}/access-report`) })).json();
    const byOpera = report.items
      .filter((i: { userId: number }) => i.userId === opera.id)
      .map((i: { action: string }) => i.action);
    expect(byOpera).toEqual(expect.arrayContaining(["person.emergency_access", "case.read"]));
  });

  it("keeps case records away from planners and administrators", async () => {
    const rozzano = await worker("rozzano");
    const { caseId } = await personWithCase(rozzano);
    for (const role of ["udp_manager", "system_admin", "mayor"] as const) {
      const u = await createTestUser(t.db, [{ role, ambitoId: role === "system_admin" ? null : ambito.id }]);
      const s = await login(t.app, u.username);
      expect((await s.request({ method: "GET", url: api(`/cases/${caseId}`) })).statusCode, role).toBe(403);
    }
  });
});

describe("concurrent plan edits", () => {
  it("gives the second writer with a stale version a 409 with a clear message, not a silent overwrite", async () => {
    const a = await worker("rozzano");
    const b = await worker("rozzano");
    const { caseId } = await personWithCase(a);
    const goal = (text: string) => [{ id: "g1", text, actions: [] }];
    const created = await a.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: { version: 0, status: "draft", goals: goal("Prima stesura") },
    });
    expect(created.json().version).toBe(1);
    const first = await a.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: { version: 1, status: "draft", goals: goal("Versione di A") },
    });
    expect(first.statusCode).toBe(200);
    const second = await b.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: { version: 1, status: "draft", goals: goal("Versione di B") },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/changed by .* \(now version 2\): reload it/);
    const file = (await a.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).json();
    expect(file.plan.goals[0].text).toBe("Versione di A");
    const again = await b.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: { version: 0, status: "draft", goals: goal("Doppia creazione") },
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("bad input gets field-level errors", () => {
  it("refuses shares that do not add up, an end before the start, a future start, and future diary dates", async () => {
    const w = await worker("rozzano");
    const { caseId } = await personWithCase(w);
    const options = (await w.s.request({ method: "GET", url: api("/cases/options") })).json();
    const serviceTypeId = options.serviceTypes[0].id;
    const base = {
      serviceTypeId,
      startDate: today(),
      amountCents: 10000,
      shareComuneCents: 5000,
      shareUserCents: 3000,
      shareHealthCents: 2000,
    };
    const post = (payload: object) =>
      w.s.request({ method: "POST", url: api(`/cases/${caseId}/interventions`), payload });
    const fieldsOf = async (payload: object) => {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]);
    };
    expect((await post(base)).statusCode).toBe(201);
    expect(await fieldsOf({ ...base, shareUserCents: 2500 })).toEqual([
      ["body.shareComuneCents", "the shares add up to 9500 cents, not to the amount of 10000 cents"],
      ["body.shareUserCents", "the shares add up to 9500 cents, not to the amount of 10000 cents"],
      ["body.shareHealthCents", "the shares add up to 9500 cents, not to the amount of 10000 cents"],
    ]);
    expect(await fieldsOf({ ...base, startDate: "2026-03-01", endDate: "2026-02-28" })).toEqual([
      ["body.endDate", "must not be before the start date"],
    ]);
    expect(await fieldsOf({ ...base, startDate: tomorrow() })).toEqual([
      ["body.startDate", "in the future: only a planned intervention"],
    ]);
    expect((await post({ ...base, startDate: tomorrow(), status: "planned" })).statusCode).toBe(201);
    expect(await fieldsOf({ ...base, serviceTypeId: 999999 })).toEqual([
      ["body.serviceTypeId", "not an active service type of this Ambito"],
    ]);

    const note = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/notes`),
      payload: { noteType: "interview", occurredOn: tomorrow(), body: "domani" },
    });
    expect(note.statusCode).toBe(400);
    expect(note.json().error.fields[0]).toEqual({ path: "body.occurredOn", message: "cannot be in the future" });
    const born = await w.s.request({
      method: "POST",
      url: api("/people"),
      payload: {
        comuneIstat: ambito.comuni.rozzano,
        provisional: true,
        familyName: "Futuro",
        givenName: "Nato",
        birthDate: tomorrow(),
      },
    });
    expect(born.json().error.fields[0].path).toBe("body.birthDate");
  });

  it("checks assessment answers against the form version", async () => {
    const w = await worker("rozzano");
    const { caseId } = await personWithCase(w);
    const options = (await w.s.request({ method: "GET", url: api("/cases/options") })).json();
    const pua = options.forms.find((f: { code: string }) => f.code === "pua-primo-accesso");
    const res = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/assessments`),
      payload: { formId: pua.id, assessedOn: today(), answers: { richiedente: "vicino", colore: "blu" } },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["body.answers.colore", "body.answers.richiedente", "body.answers.urgenza"]),
    );
  });

  it("refuses an ISEE whose validity ends before it starts", async () => {
    const w = await worker("rozzano");
    const { personId } = await personWithCase(w);
    const res = await w.s.request({
      method: "POST",
      url: api(`/people/${personId}/isee`),
      payload: { valueCents: 950000, validFrom: "2026-01-01", validTo: "2025-12-31" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe("body.validTo");
    const ok = await w.s.request({
      method: "POST",
      url: api(`/people/${personId}/isee`),
      payload: { valueCents: 950000, validFrom: "2026-01-01", validTo: "2026-12-31" },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().valueCents).toBe(950000);
  });
});

function multipart(fileName: string, type: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = "----filieraTestBoundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe("attachments", () => {
  it("stores a real PDF, refuses a .pdf that is not a PDF and a file over the limit", async () => {
    const w = await worker("rozzano");
    const { caseId } = await personWithCase(w);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const ok = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/attachments`),
      ...multipart("verbale.pdf", "application/pdf", pdf, { description: "Verbale UVM", expiresOn: "2030-01-31" }),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      fileName: "verbale.pdf",
      sniffedType: "application/pdf",
      sizeBytes: pdf.length,
      description: "Verbale UVM",
    });
    const download = await w.s.request({ method: "GET", url: api(`/attachments/${ok.json().id}/content`) });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const file = (await w.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).json();
    expect(file.tasks.find((x: { kind: string }) => x.kind === "document_expiring")?.dueOn).toBe("2030-01-01");

    const fake = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/attachments`),
      ...multipart("certificato.pdf", "application/pdf", Buffer.from("MZ\x90\x00 not a pdf")),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0]).toMatchObject({ path: "body.file" });
    expect(fake.json().error.fields[0].message).toContain("named .pdf");

    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const tooBig = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/attachments`),
      ...multipart("grande.pdf", "application/pdf", big),
    });
    expect(tooBig.statusCode).toBe(413);
  });
});

describe("case lifecycle", () => {
  it("closes with a reason, refuses a closing date before the opening, reopens, and transfers to another Comune", async () => {
    const rozzano = await worker("rozzano");
    const opera = await worker("opera");
    const { caseId, personId } = await personWithCase(rozzano);
    const early = await rozzano.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/close`),
      payload: { closedOn: "2020-01-01", reason: "needs_resolved" },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe("body.closedOn");
    expect(
      (
        await rozzano.s.request({
          method: "POST",
          url: api(`/cases/${caseId}/close`),
          payload: { closedOn: today(), reason: "needs_resolved" },
        })
      ).statusCode,
    ).toBe(204);
    const closedNote = await rozzano.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/assessments`),
      payload: { formId: 1, assessedOn: today(), answers: {} },
    });
    expect(closedNote.statusCode).toBe(409);
    expect(
      (
        await rozzano.s.request({
          method: "POST",
          url: api(`/cases/${caseId}/reopen`),
          payload: { reason: "nuova richiesta" },
        })
      ).statusCode,
    ).toBe(204);

    const wrongWorker = await rozzano.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/transfer`),
      payload: { toComuneIstat: ambito.comuni.opera, toUserId: rozzano.id, reason: "trasferimento di residenza" },
    });
    expect(wrongWorker.statusCode).toBe(400);
    expect(wrongWorker.json().error.fields[0].path).toBe("body.toUserId");
    const moved = await rozzano.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/transfer`),
      payload: { toComuneIstat: ambito.comuni.opera, toUserId: opera.id, reason: "trasferimento di residenza" },
    });
    expect(moved.statusCode).toBe(204);
    expect((await rozzano.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).statusCode).toBe(404);
    const file = (await opera.s.request({ method: "GET", url: api(`/cases/${caseId}`) })).json();
    expect(file.case.comuneIstat).toBe(ambito.comuni.opera);
    expect(file.case.responsibleUserId).toBe(opera.id);
    expect(file.case.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(["open", "closed", "open"]);
    expect(file.case.transfers).toHaveLength(1);
    expect((await opera.s.request({ method: "GET", url: api(`/people/${personId}`) })).json().comuneIstat).toBe(
      ambito.comuni.opera,
    );
  });
});

describe("duplicates", () => {
  it("finds a provisional record of the same person and merges it, moving its case", async () => {
    const w = await worker("rozzano");
    const provisional = await w.s.request({
      method: "POST",
      url: api("/people"),
      payload: {
        comuneIstat: ambito.comuni.rozzano,
        provisional: true,
        familyName: "Verdi",
        givenName: "Paolo",
        birthDate: "1971-04-03",
      },
    });
    const provisionalId = provisional.json().id;
    const kase = await w.s.request({
      method: "POST",
      url: api("/cases"),
      payload: {
        personId: provisionalId,
        comuneIstat: ambito.comuni.rozzano,
        userArea: "poverta_disagio_adulti",
        level: "voluntary",
        openedOn: today(),
      },
    });
    expect(kase.statusCode).toBe(201);
    const code = cf("VRDPLA71D03H623");
    const real = await w.s.request({
      method: "POST",
      url: api("/people"),
      payload: { comuneIstat: ambito.comuni.rozzano, fiscalCode: code, familyName: "Verdi", givenName: "Paolo" },
    });
    const realId = real.json().id;
    const dups = (
      await w.s.request({
        method: "GET",
        url: api("/people/duplicates?familyName=verdi&givenName=PAOLO&birthDate=1971-04-03"),
      })
    ).json();
    expect(dups.items.map((d: { id: string; reason: string }) => [d.id, d.reason]).sort()).toEqual(
      [
        [provisionalId, "name_birth_date"],
        [realId, "name_birth_date"],
      ].sort(),
    );
    const merged = await w.s.request({
      method: "POST",
      url: api(`/people/${realId}/merge`),
      payload: { duplicateId: provisionalId },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await w.s.request({ method: "GET", url: api(`/people/${provisionalId}`) })).statusCode).toBe(404);
    const cases = (await w.s.request({ method: "GET", url: api(`/cases?personId=${realId}`) })).json();
    expect(cases.items.map((c: { id: string }) => c.id)).toEqual([kase.json().id]);
    const merge = (await auditFor(realId)).find((e) => e.action === "person.merge");
    expect(merge?.details).toMatchObject({ merged: provisionalId, social_case: 1 });
  });
});

describe("retention and access counts", () => {
  it("counts as due only the records whose last case closed more than ten years ago", async () => {
    const { retentionReport } = await import("./retention.ts");
    const other = await createTestAmbito(t.db);
    const w = await createTestUser(t.db, [
      { role: "social_worker", ambitoId: other.id, comuneIstat: other.comuni.rozzano },
    ]);
    const person = (closedOn: string | null) =>
      t.db
        .insertInto("person")
        .values({
          ambito_id: other.id,
          comune_istat: other.comuni.rozzano,
          provisional: true,
          family_name: "A",
          given_name: "B",
          updated_at: "2010-01-01",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
        .then(async ({ id }) => {
          await t.db
            .insertInto("social_case")
            .values({
              ambito_id: other.id,
              person_id: id,
              comune_istat: other.comuni.rozzano,
              responsible_user_id: w.id,
              user_area: "anziani",
              siuss_area: 2,
              level: "voluntary",
              opened_on: "2009-01-01",
              status: closedOn ? "closed" : "open",
              closed_on: closedOn,
              closure_reason: closedOn ? "needs_resolved" : null,
            })
            .execute();
        });
    await person("2012-05-31"); // due
    await person(new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)); // closed last year: kept
    await person(null); // open since 2009: kept
    expect(await retentionReport(t.db, other.id)).toEqual([{ comuneIstat: other.comuni.rozzano, due: 1, kept: 2 }]);
  });

  it("gives the indicators contact counts by outcome and routing, only for the caller's Comuni", async () => {
    const rozzano = await worker("rozzano");
    const opera = await worker("opera");
    const record = (w: Worker, comune: "rozzano" | "opera", outcome: string, puaRouting?: string) =>
      w.s.request({
        method: "POST",
        url: api("/access-contacts"),
        payload: {
          comuneIstat: ambito.comuni[comune],
          point: puaRouting ? "pua" : "segretariato",
          channel: "phone",
          contactDate: "2026-01-15",
          request: "Informazioni sul bonus affitto",
          outcome,
          ...(puaRouting ? { puaRouting } : {}),
        },
      });
    expect((await record(rozzano, "rozzano", "information")).statusCode).toBe(201);
    expect((await record(rozzano, "rozzano", "information")).statusCode).toBe(201);
    expect((await record(opera, "opera", "information", "health")).statusCode).toBe(201);
    const noPerson = await record(rozzano, "rozzano", "full_intake");
    expect(noPerson.json().error.fields[0].path).toBe("body.personId");
    const counts = (
      await rozzano.s.request({ method: "GET", url: api("/access-contacts/counts?from=2026-01-01&to=2026-01-31") })
    ).json();
    expect(counts.items).toEqual([
      {
        comuneIstat: ambito.comuni.rozzano,
        point: "segretariato",
        outcome: "information",
        puaRouting: null,
        contacts: 2,
      },
    ]);
  });
});
