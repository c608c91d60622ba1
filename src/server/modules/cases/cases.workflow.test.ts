import { beforeAll, describe, expect, it } from "vitest";
import { ambito, api, auditFor, cf, personWithCase, setUpCases, t, today, tomorrow, worker } from "./cases.fixtures.ts";

beforeAll(setUpCases);

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
