/**
 * Shared by bench/cases.ts and bench/siuss.ts: a bench Ambito (the Comuni of the Visconteo Sud
 * Milano, one social worker each), loaded once with the set-based loader, and the latency of
 * what a social worker does all day, through the same services the API calls (audited).
 */
import { sql } from "kysely";
import type { Db } from "../../src/server/db/database.ts";
import { getCaseFile, getPersonFile } from "../../src/server/modules/cases/case-file.ts";
import { type Caller, listPeople } from "../../src/server/modules/people/index.ts";
import { seedEnti } from "../../src/server/modules/territory/index.ts";
import type { AccessScope } from "../../src/server/platform/auth/access.ts";
import { ensureForms, ensureServices } from "../../src/server/seed/synthetic/context.ts";
import { checkFiscalCodes, loadCartella } from "./cartella-loader.ts";

export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export interface BenchAmbito {
  id: number;
  slug: string;
  comuni: string[];
  workerId: number;
}

/** The bench Ambito of this size, loading it unless a previous run already did. */
export async function benchAmbito(
  db: Db,
  o: { people: number; interventionsPerCase: number; today: string; bulk: boolean },
): Promise<BenchAmbito> {
  await seedEnti(db);
  const slug = `bench-cartella-${o.people}`;
  const comuni = await sql<{ istat: string; belfiore: string }>`
    select c.istat_code as istat, c.cadastral_code as belfiore from ambito a
    join ambito_comune ac on ac.ambito_id = a.id join comune c on c.istat_code = ac.comune_istat
    where a.slug = 'visconteo-sud-milano' order by c.istat_code`.execute(db);
  const existing = await db.selectFrom("ambito").select("id").where("slug", "=", slug).executeTakeFirst();
  if (existing) {
    const n = await sql<{ n: number }>`select count(*)::int as n from person where ambito_id = ${existing.id}`.execute(
      db,
    );
    if ((n.rows[0]?.n ?? 0) < o.people) throw new Error(`Ambito ${slug} is partly loaded: drop the bench database`);
    return { ...(await workerOf(db, existing.id)), slug, comuni: comuni.rows.map((c) => c.istat) };
  }
  const { id } = await db
    .insertInto("ambito")
    .values({
      slug,
      name: `Benchmark ${o.people}`,
      kind: "ambito",
      region_code: "03",
      lead_comune_istat: comuni.rows[0]?.istat,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("ambito_comune")
    .values(comuni.rows.map((c) => ({ ambito_id: id, comune_istat: c.istat })))
    .execute();
  const workers: number[] = [];
  for (const c of comuni.rows) {
    const u = await db
      .insertInto("app_user")
      .values({ username: `bench.${id}.${c.istat}`, display_name: `AS ${c.istat}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("role_assignment")
      .values({ user_id: u.id, role: "social_worker", ambito_id: id, comune_istat: c.istat })
      .execute();
    workers.push(u.id);
  }
  await ensureServices(db, id);
  const services = await db
    .selectFrom("service_type")
    .select(["id", "siuss_area", "periodic"])
    .where("ambito_id", "=", id)
    .orderBy("id")
    .execute();
  const t = performance.now();
  console.log(
    `loading ${fmt(o.people)} people (set-based SQL${o.bulk ? ", indexes rebuilt after, FK triggers off" : ""}):`,
  );
  const steps = await loadCartella(
    db,
    {
      ambitoId: id,
      people: o.people,
      interventionsPerCase: o.interventionsPerCase,
      today: o.today,
      seed: slug,
      comuni: comuni.rows.map((c, i) => ({ ...c, workerId: workers[i] as number })),
      services: services.map((s) => ({ id: s.id, siussArea: s.siuss_area, periodic: s.periodic })),
      forms: await ensureForms(db, id),
      bulk: o.bulk,
    },
    console.log,
  );
  const rows = steps.reduce((s, x) => s + x.rows, 0);
  const s = (performance.now() - t) / 1000;
  console.log(`load: ${fmt(rows)} rows in ${s.toFixed(1)} s (${fmt(rows / s)} rows/s, indexes and commit included)`);
  const a = performance.now();
  // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
  // export and the name search read their keys from the index alone (index-only scans).
  await sql`vacuum analyze`.execute(db);
  console.log(`vacuum analyze: ${((performance.now() - a) / 1000).toFixed(1)} s`);
  await checkFiscalCodes(db, id);
  return { ...(await workerOf(db, id)), slug, comuni: comuni.rows.map((c) => c.istat) };
}

/** The social worker of the Ambito's first Comune (the one the reads are measured as). */
async function workerOf(db: Db, ambitoId: number) {
  const w = await db
    .selectFrom("role_assignment")
    .select(["user_id", "comune_istat"])
    .where("ambito_id", "=", ambitoId)
    .orderBy("comune_istat")
    .executeTakeFirstOrThrow();
  return { id: ambitoId, workerId: w.user_id };
}

export function callerOf(a: BenchAmbito, permission: AccessScope["permission"]): Caller {
  return {
    scope: {
      userId: a.workerId,
      ambitoId: a.id,
      ambitoSlug: a.slug,
      permission,
      comuni: [a.comuni[0] as string],
      teams: "all",
      organisations: "all",
    },
    ip: "127.0.0.1",
    purpose: "benchmark",
  };
}

export async function latency(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(5, n); i++) await fn(n + i); // warm-up on other samples
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(1);
  console.log(`${label.padEnd(40)} n=${n}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  p99 ${p(0.99)} ms`);
}

/** Search by name (full and 4-letter prefix) and codice fiscale, person file, case file. */
export async function measureReads(db: Db, a: BenchAmbito, n: number) {
  const comune = a.comuni[0] as string;
  const people = (
    await sql<{ id: string; fiscal_code: string; family_name: string; given_name: string }>`
      select id, fiscal_code, family_name, given_name from person
      where ambito_id = ${a.id} and comune_istat = ${comune} order by md5(id::text) limit ${n + 5}`.execute(db)
  ).rows;
  const cases = (
    await sql<{ id: string }>`select id from social_case where ambito_id = ${a.id} and comune_istat = ${comune}
      order by md5(id::text) limit ${n + 5}`.execute(db)
  ).rows;
  const at = <T>(xs: T[], i: number) => xs[i % xs.length] as T;
  const read = callerOf(a, "people:read");
  await latency("person search, family + given name", n, (i) => {
    const p = at(people, i);
    return listPeople(db, read, { q: `${p.family_name} ${p.given_name}`, limit: 20, offset: 0 });
  });
  await latency("person search, 4-letter family prefix", n, (i) =>
    listPeople(db, read, { q: at(people, i).family_name.slice(0, 4), limit: 20, offset: 0 }),
  );
  await latency("person search, codice fiscale", n, (i) =>
    listPeople(db, read, { q: at(people, i).fiscal_code, limit: 20, offset: 0 }),
  );
  await latency("open a person file (getPersonFile)", n, (i) => getPersonFile(db, read, at(people, i).id));
  await latency("open a case file (getCaseFile)", n, (i) =>
    getCaseFile(db, callerOf(a, "cases:read"), at(cases, i).id),
  );
  return { people, cases };
}
