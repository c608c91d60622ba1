import { beforeAll, describe, expect, it } from "vitest";
import { login } from "../../../../test/helpers/app.ts";
import { createTestUser } from "../../../../test/helpers/factories.ts";
import { ambito, api, auditFor, personWithCase, setUpCases, t, today, worker } from "./cases.fixtures.ts";

beforeAll(setUpCases);

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
