/**
 * Programmazione benchmark: a synthetic Ambito (the 11 Comuni of Visconteo Sud Milano) with N
 * people, N social cases, N/5 PUA access contacts and 300 governance meetings; P plans (the seeded
 * Visconteo 2025-2027 plan, each with one computed indicator per registered source added), then:
 *  1. recompute every computed indicator of every plan for each year of its period (stored as
 *     measurements, as POST /plans/:id/recompute does);
 *  2. the monitoring of every plan (live computed values + weighted roll-up + alerts).
 * PGlite in memory by default, or the scratch PostgreSQL database of DATABASE_URL.
 *
 *   node --import tsx bench/planning.ts [N=100000] [P=100]
 */
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { seedObservatory } from "../src/server/modules/observatory/index.ts";
import { SOURCES } from "../src/server/modules/planning/computed-sources.ts";
import type { PlanDocument } from "../src/server/modules/planning/plan-document.ts";
import { readSeedPlan } from "../src/server/modules/planning/planning.seed.ts";
import {
  importPlan,
  monitorPlan,
  recomputeAmbito,
  recomputePlan,
} from "../src/server/modules/planning/planning.service.ts";
import { seedEnti } from "../src/server/modules/territory/index.ts";

const N = Number(process.argv[2] ?? 100_000);
const P = Number(process.argv[3] ?? 100);
const BATCH = 1000;
const url = process.env.DATABASE_URL;
const opened = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dir: ":memory:" });
const db = opened.db;
await migrateToLatest(db);
const ambiti = await seedEnti(db);
await seedObservatory(db);

const visconteo = ambiti.get("visconteo-sud-milano") as number;
const comuni = (
  await db.selectFrom("ambito_comune").select("comune_istat").where("ambito_id", "=", visconteo).execute()
).map((c) => c.comune_istat);
const ambito = await db
  .insertInto("ambito")
  .values({ slug: `bench-plan-${Date.now()}`, name: "Ambito sintetico (bench)", kind: "ambito", region_code: "03" })
  .returning(["id", "slug", "name", "kind"])
  .executeTakeFirstOrThrow();
await db
  .insertInto("ambito_comune")
  .values(comuni.map((c) => ({ ambito_id: ambito.id, comune_istat: c })))
  .execute();
const worker = await db
  .insertInto("app_user")
  .values({ username: `bench.as.${ambito.id}`, display_name: "AS bench", password_hash: "x" })
  .returning("id")
  .executeTakeFirstOrThrow();
await db
  .insertInto("role_assignment")
  .values({ user_id: worker.id, role: "social_worker", ambito_id: ambito.id, comune_istat: comuni[0] })
  .execute();

let seed = 7;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const day = (from: number, to: number) => {
  const y = from + Math.floor(rnd() * (to - from + 1));
  return `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
};
const AREAS = ["famiglia_minori", "disabili", "dipendenze", "anziani", "poverta_disagio_adulti"] as const;

let t0 = performance.now();
for (let i = 0; i < N; i += BATCH) {
  const n = Math.min(BATCH, N - i);
  const people = await db
    .insertInto("person")
    .values(
      Array.from({ length: n }, (_, k) => ({
        ambito_id: ambito.id,
        comune_istat: comuni[(i + k) % comuni.length] as string,
        provisional: true,
        family_name: `Sintetico${i + k}`,
        given_name: "Bench",
      })),
    )
    .returning(["id", "comune_istat"])
    .execute();
  await db
    .insertInto("social_case")
    .values(
      people.map((p, k) => {
        const opened = day(2024, 2027);
        const closed = rnd() < 0.3 ? opened.replace(/^(\d{4})/, (y) => String(Math.min(2027, Number(y) + 1))) : null;
        return {
          ambito_id: ambito.id,
          person_id: p.id,
          comune_istat: p.comune_istat,
          responsible_user_id: worker.id,
          user_area: AREAS[(i + k) % AREAS.length] as (typeof AREAS)[number],
          siuss_area: (1 + ((i + k) % 3)) as 1 | 2 | 3,
          level: "voluntary" as const,
          status: closed ? ("closed" as const) : ("open" as const),
          opened_on: opened,
          closed_on: closed,
          closure_reason: closed ? ("needs_resolved" as const) : null,
        };
      }),
    )
    .execute();
  await db
    .insertInto("access_contact")
    .values(
      people.slice(0, Math.ceil(n / 5)).map((p) => ({
        ambito_id: ambito.id,
        person_id: p.id,
        comune_istat: p.comune_istat,
        point: "pua" as const,
        channel: "in_person" as const,
        contact_date: day(2025, 2027),
        request: "valutazione",
        answered_by: worker.id,
        outcome: "information" as const,
      })),
    )
    .execute();
}
await db
  .insertInto("gov_body")
  .values({ ambito_id: ambito.id, code: "assemblea", kind: "assemblea_sindaci", name: "Assemblea" })
  .execute();
const dates = new Set<string>();
while (dates.size < 300) dates.add(day(2025, 2027));
await db
  .insertInto("gov_meeting")
  .values(
    [...dates].map((d) => ({ ambito_id: ambito.id, body_code: "assemblea", held_on: d, agenda: "Ordine del giorno" })),
  )
  .execute();
const dataMs = performance.now() - t0;

const base = { ...(readSeedPlan("visconteo-2025-2027.json") as PlanDocument), ambito: ambito.slug, previousPlan: null };
const extra = SOURCES.map((s, k) => ({
  code: `BENCH.${k}`,
  objective: "7.1.5",
  type: "output" as const,
  label: s.label,
  unit: s.unit,
  source: "computed" as const,
  queryKey: s.key,
  targets: [{ year: 2027, value: s.unit === "percent" ? 50 : 1000 }],
}));
t0 = performance.now();
const ids: number[] = [];
const actor = { userId: null, kind: "cli" as const, name: "bench" };
for (let p = 0; p < P; p++) {
  const doc = { ...base, title: `Piano bench ${p}`, indicators: [...base.indicators, ...extra] };
  ids.push((await importPlan(db, ambito, doc, actor)).id);
}
const importMs = performance.now() - t0;
const computedPerPlan = base.indicators.filter((i) => i.source === "computed").length + extra.length;

const asOf = new Date("2027-12-31T12:00:00Z");
t0 = performance.now();
let values = 0;
for (const id of ids) values += (await recomputePlan(db, ambito, id, asOf)).values;
const recomputeMs = performance.now() - t0;

t0 = performance.now();
const shared = await recomputeAmbito(db, ambito, asOf);
const sharedMs = performance.now() - t0;

t0 = performance.now();
let alerts = 0;
for (const id of ids) alerts += (await monitorPlan(db, ambito, id, asOf)).alerts.length;
const monitorMs = performance.now() - t0;

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `engine: ${opened.kind}; synthetic Ambito: ${N.toLocaleString("en")} people, ${N.toLocaleString("en")} cases, ${Math.ceil(N / 5).toLocaleString("en")} PUA contacts, 300 meetings (generated in ${fmt(dataMs)})`,
);
console.log(
  `plans: ${P} imported in ${fmt(importMs)} (${(importMs / P).toFixed(0)} ms per plan, ${base.indicators.length + extra.length} indicators each)`,
);
console.log(
  `recompute: ${P} plans × ${computedPerPlan} computed indicators × 3 years: ${values} non-empty values stored in ${fmt(recomputeMs)} (${(recomputeMs / P).toFixed(0)} ms per plan, ${(recomputeMs / values).toFixed(2)} ms per value)`,
);
console.log(
  `recompute, whole Ambito in one run (each query × year computed once, shared by the plans): ${shared.plans} plans, ${shared.values} values in ${fmt(sharedMs)}`,
);
console.log(
  `monitoring: ${P} plans rolled up (live values, weights, statuses, ${alerts} alerts) in ${fmt(monitorMs)} (${(monitorMs / P).toFixed(0)} ms per plan)`,
);
await opened.close();
