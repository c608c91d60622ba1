import { beforeAll, describe, expect, it } from "vitest";
import { ambito, api, auditFor, personWithCase, setUpCases, today, worker } from "./cases.fixtures.ts";

beforeAll(setUpCases);

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function serviceTypeId(w: Awaited<ReturnType<typeof worker>>) {
  const options = await w.s.request({ method: "GET", url: api("/cases/options") });
  return options.json().serviceTypes[0].id as number;
}

/** What the case-file screens need beyond recording: follow-ups of waiting lists, referrals and reviews. */
describe("follow-ups behind the case-file screens", () => {
  it("offers, admits and withdraws waiting-list entries; the queue moves up and the agenda lists them", async () => {
    const w = await worker("rozzano");
    const first = await personWithCase(w);
    const second = await personWithCase(w);
    const service = await serviceTypeId(w);
    const put = (caseId: string) =>
      w.s.request({
        method: "POST",
        url: api(`/cases/${caseId}/waiting-list`),
        payload: { serviceTypeId: service, priority: 2, requestedOn: today() },
      });
    const a = await put(first.caseId);
    expect(a.statusCode, a.body).toBe(201);
    const b = await put(second.caseId);
    const entryB = b.json()[0];
    const positionB = entryB.position as number;

    const mine = await w.s.request({ method: "GET", url: api("/waiting-list") });
    expect(mine.statusCode, mine.body).toBe(200);
    const ids = mine.json().items.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([a.json()[0].id, entryB.id]));
    expect(mine.body).not.toContain("fiscalCode");

    // Withdrawing the first entry moves the second one up the queue.
    const removed = await w.s.request({
      method: "PATCH",
      url: api(`/waiting-list/${a.json()[0].id}`),
      payload: { status: "withdrawn" },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()[0]).toMatchObject({ status: "withdrawn", position: null });
    const after = await w.s.request({ method: "GET", url: api(`/cases/${second.caseId}`) });
    expect(after.json().waiting[0].position).toBe(positionB - 1);

    // A withdrawn entry cannot move again; an admission before the request is refused per field.
    const again = await w.s.request({
      method: "PATCH",
      url: api(`/waiting-list/${a.json()[0].id}`),
      payload: { status: "admitted" },
    });
    expect(again.statusCode).toBe(409);
    const early = await w.s.request({
      method: "PATCH",
      url: api(`/waiting-list/${entryB.id}`),
      payload: { status: "admitted", admittedOn: "2000-01-01" },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe("body.admittedOn");
    const bad = await w.s.request({
      method: "PATCH",
      url: api(`/waiting-list/${entryB.id}`),
      payload: { status: "x" },
    });
    expect(bad.statusCode).toBe(400);
    const admitted = await w.s.request({
      method: "PATCH",
      url: api(`/waiting-list/${entryB.id}`),
      payload: { status: "admitted" },
    });
    expect(admitted.json()[0].status).toBe("admitted");
    const agenda = await w.s.request({ method: "GET", url: api("/waiting-list") });
    expect(agenda.json().items.map((x: { id: string }) => x.id)).not.toContain(entryB.id);
    expect((await auditFor(second.caseId)).map((e) => e.action)).toContain("waiting.update");
  });

  it("records the answer to a referral; another Comune's worker cannot touch it", async () => {
    const w = await worker("rozzano");
    const other = await worker("opera");
    const { caseId } = await personWithCase(w);
    const sent = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/referrals`),
      payload: { toService: "Centro psico-sociale", referredOn: today() },
    });
    const id = sent.json()[0].id as string;
    const unknownOrg = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/referrals`),
      payload: { toService: "Cooperativa", toOrgId: 999_999, referredOn: today() },
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.fields[0].path).toBe("body.toOrgId");
    expect(sent.json()[0].status).toBe("sent");
    const foreign = await other.s.request({
      method: "PATCH",
      url: api(`/referrals/${id}`),
      payload: { status: "refused" },
    });
    expect(foreign.statusCode).toBe(404);
    const accepted = await w.s.request({
      method: "PATCH",
      url: api(`/referrals/${id}`),
      payload: { status: "accepted" },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()[0].status).toBe("accepted");
    const same = await w.s.request({ method: "PATCH", url: api(`/referrals/${id}`), payload: { status: "accepted" } });
    expect(same.statusCode).toBe(409);
  });

  it("a plan review sets the next review date: new plan version, a fresh review task, stale editors get 409", async () => {
    const w = await worker("rozzano");
    const { caseId } = await personWithCase(w);
    const plan = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: { version: 0, status: "active", goals: [{ id: "g1", text: "Uscire di casa", actions: [] }] },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const wrongDate = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan/reviews`),
      payload: { reviewedOn: today(), progress: [{ goalId: "g1", status: "in_progress" }], nextReviewOn: today() },
    });
    expect(wrongDate.statusCode).toBe(400);
    expect(wrongDate.json().error.fields[0].path).toBe("body.nextReviewOn");
    const review = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan/reviews`),
      payload: {
        reviewedOn: today(),
        progress: [{ goalId: "g1", status: "in_progress", note: "esce con il volontario" }],
        nextReviewOn: inDays(90),
      },
    });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json()).toMatchObject({ version: 2, nextReviewOn: inDays(90) });
    expect(review.json().reviews[0].progress[0]).toMatchObject({ goalId: "g1", status: "in_progress" });
    const tasks = await w.s.request({ method: "GET", url: api("/tasks") });
    const due = tasks.json().items.filter((x: { caseId: string; kind: string }) => x.caseId === caseId);
    expect(due).toEqual([expect.objectContaining({ kind: "review_due", dueOn: inDays(90) })]);
    const stale = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/plan`),
      payload: { version: 1, status: "active", goals: [{ id: "g1", text: "Uscire di casa", actions: [] }] },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("a transfer hands the former responsible's open reminders to the receiving worker", async () => {
    const w = await worker("rozzano");
    const receiver = await worker("opera");
    const { caseId } = await personWithCase(w);
    const task = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/tasks`),
      payload: { kind: "follow_up", title: "Sentire il medico di base", dueOn: inDays(3) },
    });
    expect(task.statusCode, task.body).toBe(201);
    const moved = await w.s.request({
      method: "POST",
      url: api(`/cases/${caseId}/transfer`),
      payload: { toComuneIstat: ambito.comuni.opera, toUserId: receiver.id, reason: "cambio di residenza" },
    });
    expect(moved.statusCode, moved.body).toBe(204);
    const mine = await w.s.request({ method: "GET", url: api("/tasks") });
    expect(mine.json().items.map((x: { id: string }) => x.id)).not.toContain(task.json().id);
    const theirs = await receiver.s.request({ method: "GET", url: api("/tasks") });
    expect(theirs.json().items.map((x: { id: string }) => x.id)).toContain(task.json().id);
    const done = await receiver.s.request({ method: "POST", url: api(`/tasks/${task.json().id}/done`) });
    expect(done.statusCode).toBe(204);
  });
});
