import { beforeAll, describe, expect, it } from "vitest";
import { createTestAmbito, createTestUser } from "../../../../test/helpers/factories.ts";
import {
  ambito,
  api,
  auditFor,
  cf,
  multipart,
  personWithCase,
  setUpCases,
  t,
  today,
  tomorrow,
  type Worker,
  worker,
} from "./cases.fixtures.ts";

beforeAll(setUpCases);

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
