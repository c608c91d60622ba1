import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { BIG_TEAM, TOTAL_CAP } from "./people-search.ts";

let t: TestApp;
let ambito: TestAmbito;
let worker: { id: number; s: Awaited<ReturnType<typeof login>> };
let teamPersonId: string;

interface Page {
  items: { id: string; familyName: string; givenName: string }[];
  total: number;
  totalCapped: boolean;
}

/** `count` provisional people named "<family> Nome<k>" in a Comune, in one statement. */
const addPeople = (comune: string, family: string, count: number) =>
  sql`insert into person (ambito_id, comune_istat, provisional, family_name, given_name)
    select ${ambito.id}, ${comune}, true, ${family}, 'Nome' || lpad(k::text, 4, '0')
    from generate_series(1, ${count}) k`.execute(t.db);

const search = async (q: string, offset = 0, limit = 20): Promise<Page> => {
  const res = await worker.s.request({
    method: "GET",
    url: `/api/ambiti/${ambito.slug}/people?q=${encodeURIComponent(q)}&limit=${limit}&offset=${offset}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const u = await createTestUser(
    t.db,
    [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano }],
    "srch",
  );
  worker = { id: u.id, s: await login(t.app, u.username) };
  // A common surname: more people in the worker's Comune than a search counts.
  await addPeople(ambito.comuni.rozzano, "Brambilla", TOTAL_CAP + 5);
  await addPeople(ambito.comuni.rozzano, "Bramante", 3);
  await addPeople(ambito.comuni.opera, "Bramante", 4);
  // One of Opera's Bramante is on a case of the worker's team: visible, the other three are not.
  const { rows } = await sql<{ id: string }>`select id from person
    where ambito_id = ${ambito.id} and comune_istat = ${ambito.comuni.opera} and given_name = 'Nome0002'`.execute(t.db);
  teamPersonId = rows[0]?.id as string;
  const kase = await t.db
    .insertInto("social_case")
    .values({
      ambito_id: ambito.id,
      person_id: teamPersonId,
      comune_istat: ambito.comuni.opera,
      responsible_user_id: worker.id,
      user_area: "anziani",
      siuss_area: 2,
      level: "voluntary",
      opened_on: "2026-01-10",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("case_team_member")
    .values({ ambito_id: ambito.id, case_id: kase.id, user_id: worker.id, role: "member" })
    .execute();
});

describe("person search by a short name prefix", () => {
  it("merges the worker's Comune and their team's people in name order, with an exact small total", async () => {
    const page = await search("brama");
    expect(page.items.map((p) => `${p.familyName} ${p.givenName}`)).toEqual([
      "Bramante Nome0001",
      "Bramante Nome0002",
      "Bramante Nome0002",
      "Bramante Nome0003",
    ]);
    // The Opera person is the team one, not Opera's Nome0001 or Nome0003.
    expect(page.items.map((p) => p.id)).toContain(teamPersonId);
    expect(page).toMatchObject({ total: 4, totalCapped: false });
  });

  it("says 'more than 1,000' instead of counting every match, and pages in a stable order", async () => {
    const first = await search("bram", 0, 50);
    expect(first).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(first.items).toHaveLength(50);
    const names = first.items.map((p) => `${p.familyName} ${p.givenName}`);
    expect(names.slice(0, 5)).toEqual([
      "Bramante Nome0001",
      "Bramante Nome0002",
      "Bramante Nome0002",
      "Bramante Nome0003",
      "Brambilla Nome0001",
    ]);
    const second = await search("bram", 50, 50);
    expect(second.items[0]).toMatchObject({ familyName: "Brambilla", givenName: "Nome0047" });
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(100);
  });

  it("counts exactly below the cap, also on the last page", async () => {
    const all = await search("brambilla nome00", 0, 20);
    expect(all).toMatchObject({ total: 99, totalCapped: false });
    const last = await search("brambilla nome00", 80, 20);
    expect(last.items).toHaveLength(19);
    expect(last).toMatchObject({ total: 99, totalCapped: false });
    const past = await search("brambilla nome00", 120, 20);
    expect(past).toMatchObject({ items: [], total: 99, totalCapped: false });
  });

  it("audits the search with the ids it returned", async () => {
    const page = await search("bramante");
    const [event] = await t.db
      .selectFrom("audit_event")
      .selectAll()
      .where("chain_id", "=", ambito.id)
      .where("actor_user_id", "=", worker.id)
      .where("action", "=", "person.search")
      .orderBy("seq", "desc")
      .limit(1)
      .execute();
    expect(event?.details).toMatchObject({ results: 4, ids: page.items.map((p) => p.id).join(",") });
  });

  it("finds the same people for a worker on more cases than BIG_TEAM (team checked per person)", async () => {
    const before = await search("brama");
    await sql`with cases as (
        insert into social_case (ambito_id, person_id, comune_istat, responsible_user_id, user_area, siuss_area, level, opened_on)
        select ambito_id, id, comune_istat, ${worker.id}, 'anziani', 2, 'voluntary', '2026-01-10' from person
        where ambito_id = ${ambito.id} and family_name = 'Brambilla'
        returning ambito_id, id)
      insert into case_team_member (ambito_id, case_id, user_id, role)
      select ambito_id, id, ${worker.id}, 'member' from cases`.execute(t.db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from case_team_member
      where user_id = ${worker.id}`.execute(t.db);
    expect(rows[0]?.n).toBeGreaterThan(BIG_TEAM);
    expect(await search("brama")).toEqual(before);
  });
});
