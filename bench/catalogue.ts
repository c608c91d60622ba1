/**
 * Offerta benchmark, on an in-memory PGlite database:
 *  1. public search latency (Italian full text + filters, through the portal's service function)
 *     over S generated services, as p50/p95/p99 over Q queries;
 *  2. ranking A approved applications (compute = read, sort, replace the ranking rows), twice.
 *
 *   node --import tsx bench/catalogue.ts [S=50000] [A=100000] [Q=300]
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type Db, openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { computeRanking } from "../src/server/modules/catalogue/calls.ranking.ts";
import { analyzeCatalogue } from "../src/server/modules/catalogue/catalogue.seed.ts";
import { searchPublic } from "../src/server/modules/catalogue/catalogue.service.ts";
import { seedEnti } from "../src/server/modules/territory/index.ts";

const S = Number(process.argv[2] ?? 50_000);
const A = Number(process.argv[3] ?? 100_000);
const Q = Number(process.argv[4] ?? 300);
const BATCH = 1000;

const TYPES = ["nido", "cag", "cse", "sfa", "cdd", "rsa", "cdi", "sad", "adm", "sportello"];
const WORDS = [
  "asilo nido bambini",
  "centro diurno anziani",
  "assistenza domiciliare",
  "disabili autonomia",
  "sostegno affitto casa",
  "ragazzi doposcuola compiti",
  "famiglia mediazione",
  "povertà reddito lavoro",
  "stranieri lingua mediazione",
  "badante assistente familiare",
];
const AREAS = ["famiglia_minori", "disabili", "anziani", "poverta_disagio_adulti", "immigrati", "multiutenza"] as const;
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length] as T;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function generateServices(db: Db, ambitoId: number, comuni: string[]) {
  const provider = await db
    .insertInto("cat_provider")
    .values({ ambito_id: ambitoId, name: "Ente bench", kind: "private" })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < S; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, S - i) }, (_, k) => {
      const n = i + k;
      const minor = n % 3 === 0;
      return {
        ambito_id: ambitoId,
        provider_id: provider.id,
        name: `${pick(TYPES, n).toUpperCase()} ${pick(WORDS, n * 7)} ${n}`,
        kind: "unit" as const,
        unit_type: pick(TYPES, n),
        description: `Servizio ${pick(WORDS, n * 3)} per ${pick(WORDS, n * 11)}`,
        user_area: pick(AREAS, n * 5),
        age_min: minor ? 0 : 18,
        age_max: minor ? 17 : 120,
        capacity: (n % 60) + 5,
        keywords: pick(WORDS, n * 13),
        status: n % 10 === 0 ? ("draft" as const) : ("approved" as const),
        last_verified_at: new Date(),
      };
    });
    const ids = await db.insertInto("cat_service").values(rows).returning("id").execute();
    await db
      .insertInto("cat_location")
      .values(
        ids.map((r, k) => ({
          ambito_id: ambitoId,
          service_id: r.id,
          address: `Via Bench ${i + k}`,
          comune_istat: pick(comuni, i + k),
          latitude: 45.3 + ((i + k) % 100) / 1000,
          longitude: 9.1 + ((i + k) % 97) / 1000,
        })),
      )
      .execute();
  }
}

async function generateApplications(db: Db, ambitoId: number, callId: number) {
  for (let i = 0; i < A; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, A - i) }, (_, k) => {
      const n = i + k;
      return {
        ambito_id: ambitoId,
        call_id: callId,
        applicant_name: `Richiedente ${n}`,
        applicant_fiscal_code: "RSSMRA80A01H501U",
        household_key: `h${n}`,
        facts: JSON.stringify({ isee_cents: (n * 7919) % 2_600_000, household_size: (n % 5) + 1 }),
        requested_cents: 100_000 + (n % 5) * 10_000,
        status: "approved" as const,
        score: ((n * 104729) % 6000) / 100,
        protocol_number: `2026/${String(n).padStart(7, "0")}`,
        submitted_at: new Date(Date.UTC(2026, 0, 1) + n * 1000),
      };
    });
    await db.insertInto("cat_application").values(rows).execute();
  }
}

async function main() {
  const opened = await openDatabase({ kind: "pglite", dir: ":memory:" });
  const db = opened.db;
  const t0 = performance.now();
  await migrateToLatest(db);
  const ambiti = await seedEnti(db);
  const ambitoId = ambiti.get("visconteo-sud-milano") as number;
  const comuni = (
    await db.selectFrom("ambito_comune").select("comune_istat").where("ambito_id", "=", ambitoId).execute()
  ).map((c) => c.comune_istat);
  await generateServices(db, ambitoId, comuni);
  await analyzeCatalogue(db); // what autovacuum does on PostgreSQL; PGlite has none
  const genS = performance.now() - t0;
  console.log(`generated ${S.toLocaleString("en")} services with locations in ${(genS / 1000).toFixed(1)} s`);

  const queries = [
    { q: "nido" },
    { q: "anziano centro" },
    { q: "affitto", area: "poverta_disagio_adulti" as const },
    { area: "disabili" as const, age: 30 },
    { q: "assistenza domiciliare", comune: comuni[0] },
    { age: 5 },
    { q: "mediazione famiglia", age: 40 },
  ];
  for (const q of queries) {
    const s = performance.now();
    await searchPublic(db, { ambito: "visconteo-sud-milano", limit: 20, offset: 0, ...q });
    console.log(`  first run of ${JSON.stringify(q)}: ${(performance.now() - s).toFixed(1)} ms`);
  }
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < Q; i++) {
    const q = pick(queries, i);
    const s = performance.now();
    const r = await searchPublic(db, { ambito: "visconteo-sud-milano", limit: 20, offset: 0, ...q });
    times.push(performance.now() - s);
    hits += r.total;
  }
  times.sort((a, b) => a - b);
  console.log(
    `search over ${S.toLocaleString("en")} services, ${Q} queries (${queries.length} shapes, mean ${Math.round(hits / Q)} matches): ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`,
  );

  const user = await db
    .insertInto("app_user")
    .values({ username: `bench.${randomBytes(3).toString("hex")}`, display_name: "Bench" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const call = await db
    .insertInto("cat_call")
    .values({
      ambito_id: ambitoId,
      code: "bench",
      title: "Bench",
      opens_at: new Date(Date.UTC(2026, 0, 1)),
      deadline: new Date(Date.UTC(2027, 0, 1)),
      budget_cents: 27_120_735,
      max_grant_cents: 150_000,
      eligibility: JSON.stringify([]),
      scoring: JSON.stringify({
        parts: [],
        tieBreaks: [
          { fact: "isee_cents", order: "asc" },
          { fact: "household_size", order: "desc" },
        ],
      }),
      salt: "bench",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const g = performance.now();
  await generateApplications(db, ambitoId, call.id);
  await sql`analyze cat_application`.execute(db);
  console.log(
    `generated ${A.toLocaleString("en")} approved applications in ${((performance.now() - g) / 1000).toFixed(1)} s`,
  );
  const caller = {
    scope: {
      userId: user.id,
      ambitoId,
      ambitoSlug: "visconteo-sud-milano",
      permission: "calls:review" as const,
      comuni: "all" as const,
      teams: "all" as const,
      organisations: "all" as const,
    },
    ip: null,
  };
  for (const round of [1, 2]) {
    const s = performance.now();
    const r = await computeRanking(db, caller, call.id);
    console.log(
      `ranking #${round} of ${r.rows.length.toLocaleString("en")} applications: ${((performance.now() - s) / 1000).toFixed(2)} s ` +
        `(funded ${r.fundedCount}, waiting ${r.waitingCount.toLocaleString("en")}, ${(r.fundedCents / 100).toFixed(2)} € of ${((r.budgetCents ?? 0) / 100).toFixed(2)} €)`,
    );
  }
  await opened.close();
}

await main();
