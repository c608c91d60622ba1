/**
 * Cartella / SIUSS benchmark on PostgreSQL: loads a synthetic population (default 1,000,000 people
 * and about 5 interventions each) into a dedicated Ambito with multi-row INSERTs
 * (json_populate_recordset, 20,000 rows a statement), then measures with the services the app
 * uses: person search by name and by codice fiscale, opening a case file (latency p50/p95/p99),
 * and the SIUSS export (records/s, files validated by libxml2).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/filiera_bench node --import tsx bench/siuss.ts [people]
 * Never point it at the test database. The loaded Ambito is reused by later runs of the same size.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Db } from "../src/server/db/database.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { getCaseFile } from "../src/server/modules/cases/case-file.ts";
import { listPeople } from "../src/server/modules/people/people.service.ts";
import { exportSiuss } from "../src/server/modules/siuss/index.ts";
import { seedEnti } from "../src/server/modules/territory/index.ts";
import type { AccessScope } from "../src/server/platform/auth/access.ts";
import { loadContext } from "../src/server/seed/synthetic/context.ts";
import { type Batch, emptyBatch, generateHousehold } from "../src/server/seed/synthetic/generate.ts";
import { Rng } from "../src/server/seed/synthetic/rng.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database of your own (e.g. filiera_bench)");
if (/\/test(\?|$)/.test(url)) throw new Error("Refusing the 'test' database: the test suite resets it");
const PEOPLE = Number(process.argv[2] ?? process.env.BENCH_PEOPLE ?? 1_000_000);
const TODAY = "2026-11-25";
const SLUG = `bench-siuss-${PEOPLE}`;

const opened = await openDatabase({ kind: "postgres", url });
const db = opened.db;
await migrateToLatest(db);
await seedEnti(db);

async function ambitoWithWorkers(): Promise<{ id: number; comuni: string[]; loaded: boolean }> {
  const visconteo = await db
    .selectFrom("ambito")
    .select("id")
    .where("slug", "=", "visconteo-sud-milano")
    .executeTakeFirstOrThrow();
  const comuni = (
    await db
      .selectFrom("ambito_comune")
      .select("comune_istat")
      .where("ambito_id", "=", visconteo.id)
      .orderBy("comune_istat")
      .execute()
  ).map((c) => c.comune_istat);
  const existing = await db.selectFrom("ambito").select("id").where("slug", "=", SLUG).executeTakeFirst();
  if (existing) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from person where ambito_id = ${existing.id}`.execute(db);
    if ((rows[0]?.n ?? 0) >= PEOPLE) return { id: existing.id, comuni, loaded: true };
    throw new Error(`Ambito ${SLUG} is partly loaded: drop and recreate the bench database`);
  }
  const { id } = await db
    .insertInto("ambito")
    .values({
      slug: SLUG,
      name: `Benchmark ${PEOPLE}`,
      kind: "ambito",
      region_code: "03",
      lead_comune_istat: comuni[0] ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("ambito_comune")
    .values(comuni.map((c) => ({ ambito_id: id, comune_istat: c })))
    .execute();
  for (const c of comuni) {
    const u = await db
      .insertInto("app_user")
      .values({ username: `bench.${id}.${c}`, display_name: `AS ${c}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("role_assignment")
      .values({ user_id: u.id, role: "social_worker", ambito_id: id, comune_istat: c })
      .execute();
  }
  return { id, comuni, loaded: false };
}

const ORDER: (keyof Batch)[] = [
  "household",
  "person",
  "person_detail",
  "household_member",
  "isee_declaration",
  "social_case",
  "assessment",
  "intervention",
];

/** One multi-row INSERT per 20,000 rows: the rows travel as one JSON parameter. */
async function write(batch: Batch): Promise<number> {
  let n = 0;
  for (const table of ORDER) {
    const rows = batch[table] as Record<string, unknown>[];
    if (!rows.length) continue;
    const cols = Object.keys(rows[0] as object);
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows
        .slice(i, i + 20_000)
        .map((r) => (table === "assessment" ? { ...r, answers: JSON.parse(r.answers as string) } : r));
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        select ${sql.join(cols.map((c) => sql.ref(c)))} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(chunk)}::json)`.execute(
        db,
      );
      n += chunk.length;
    }
  }
  return n;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const ambito = await ambitoWithWorkers();
if (!ambito.loaded) {
  const ctx = await loadContext(db, ambito.id, {
    today: TODAY,
    inCareShare: 1,
    historyYears: 10,
    withFiscalCodes: false,
  });
  ctx.renewMonths = 6;
  const rng = new Rng(`bench:${PEOPLE}`);
  const started = performance.now();
  let people = 0;
  let rows = 0;
  let interventions = 0;
  let genMs = 0;
  while (people < PEOPLE) {
    const g = performance.now();
    const batch = emptyBatch();
    while (batch.person.length < 20_000 && people + batch.person.length < PEOPLE) generateHousehold(rng, ctx, batch);
    genMs += performance.now() - g;
    people += batch.person.length;
    interventions += batch.intervention.length;
    rows += await write(batch);
    const s = (performance.now() - started) / 1000;
    process.stdout.write(
      `\r  loaded ${fmt(people)} people, ${fmt(interventions)} interventions, ${fmt(rows)} rows in ${s.toFixed(0)} s   `,
    );
  }
  const s = (performance.now() - started) / 1000;
  console.log(
    `\nload: ${fmt(rows)} rows in ${s.toFixed(1)} s (${fmt(rows / s)} rows/s; generation ${(genMs / 1000).toFixed(1)} s of it)`,
  );
  const a = performance.now();
  await sql`analyze`.execute(db);
  console.log(`analyze: ${((performance.now() - a) / 1000).toFixed(1)} s`);
}

const counts = await sql<{ people: number; cases: number; interventions: number }>`
  select (select count(*)::int from person where ambito_id = ${ambito.id}) as people,
         (select count(*)::int from social_case where ambito_id = ${ambito.id}) as cases,
         (select count(*)::int from intervention where ambito_id = ${ambito.id}) as interventions`.execute(db);
console.log(`dataset: ${JSON.stringify(counts.rows[0])} (Ambito ${SLUG}, ${ambito.comuni.length} Comuni)`);

// A social worker of the largest Comune, as resolveScope builds it.
const comune = ambito.comuni[0] as string;
const worker = await db
  .selectFrom("role_assignment")
  .select("user_id")
  .where("ambito_id", "=", ambito.id)
  .where("comune_istat", "=", comune)
  .executeTakeFirstOrThrow();
const scope = (permission: AccessScope["permission"]): AccessScope => ({
  userId: worker.user_id,
  ambitoId: ambito.id,
  ambitoSlug: SLUG,
  permission,
  comuni: [comune],
  teams: "all",
  organisations: "all",
});
const caller = (p: AccessScope["permission"]) => ({ scope: scope(p), ip: "127.0.0.1", purpose: "benchmark" });

async function latency(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(1);
  console.log(`${label.padEnd(34)} n=${n}  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  p99 ${p(0.99)} ms`);
}

const samples = await sql<{ id: string; fiscal_code: string; family_name: string; given_name: string }>`
  select id, fiscal_code, family_name, given_name from person
  where ambito_id = ${ambito.id} and comune_istat = ${comune} and fiscal_code is not null
  order by md5(id::text) limit 200`.execute(db);
const cases = await sql<{ id: string }>`
  select id from social_case where ambito_id = ${ambito.id} and comune_istat = ${comune} order by md5(id::text) limit 200`.execute(
  db,
);
const people = samples.rows;
await latency("person search by name (listPeople)", 200, (i) => {
  const p = people[i % people.length] as (typeof people)[number];
  return listPeople(db, caller("people:read"), { q: `${p.family_name} ${p.given_name}`, limit: 20, offset: 0 });
});
await latency("person search by codice fiscale", 200, (i) =>
  listPeople(db, caller("people:read"), {
    q: (people[i % people.length] as (typeof people)[number]).fiscal_code,
    limit: 20,
    offset: 0,
  }),
);
await latency("open a case file (getCaseFile)", 200, (i) =>
  getCaseFile(db as Db, caller("cases:read"), (cases.rows[i % cases.rows.length] as { id: string }).id),
);

const out = mkdtempSync(join(tmpdir(), "filiera-siuss-bench-"));
const t = performance.now();
const result = await exportSiuss(db, ambito.id, {
  from: "2026-01-01",
  to: TODAY,
  outDir: out,
  operatorFiscalCode: "RSSMRA80A01H501U",
  today: TODAY,
  skipInvalid: true,
  actor: { userId: null, kind: "cli" },
});
const s = (performance.now() - t) / 1000;
const records = result.beneficiaries + result.sinba;
console.log(
  `SIUSS export 2026: ${fmt(result.beneficiaries)} beneficiaries / ${fmt(result.benefits)} prestazioni + ${fmt(result.sinba)} SINBA ` +
    `in ${result.files.length} files, ${s.toFixed(1)} s → ${fmt(records / s)} records/s (${fmt(result.benefits / s)} prestazioni/s), ` +
    `${result.problems.length} left out`,
);
rmSync(out, { recursive: true, force: true });
await opened.close();
