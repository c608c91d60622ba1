/**
 * Cartella / SIUSS at scale (issue 6): loads 1,000,000 people and about 5,000,000 interventions
 * with set-based SQL (bench/lib/cartella-loader.ts), then measures with the services the app
 * uses: person search by name and codice fiscale, opening a person file and a case file
 * (p50/p95/p99, audited as in production), the query plans behind them, and the SIUSS export
 * (records/s, MB/s, libxml2 validation time measured apart on the written files).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/filiera_bench nice -n 10 node --import tsx bench/siuss.ts [people]
 * Without DATABASE_URL it runs on PGlite in memory (default 20,000 people). Never the `test`
 * database. The loaded Ambito is reused by later runs of the same size.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { exportSiuss, type FlowKind, validateFlow } from "../src/server/modules/siuss/index.ts";
import { benchAmbito, fmt, measureReads } from "./lib/cartella-bench.ts";
import { explainPlans } from "./lib/plans.ts";

const url = process.env.DATABASE_URL;
if (url && /\/test(\?|$)/.test(url)) throw new Error("Refusing the 'test' database: the test suite resets it");
const PEOPLE = Number(process.argv[2] ?? process.env.BENCH_PEOPLE ?? (url ? 1_000_000 : 20_000));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const TODAY = "2026-11-25";
const FROM = process.env.BENCH_EXPORT_FROM ?? "2026-01-01";

const opened = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dir: ":memory:" });
const db = opened.db;
await migrateToLatest(db);
const ambito = await benchAmbito(db, {
  people: PEOPLE,
  interventionsPerCase: 10,
  today: TODAY,
  bulk: opened.kind === "postgres" && PEOPLE >= 100_000,
});
const counts = await sql<Record<string, number>>`
  select (select count(*)::int from person where ambito_id = ${ambito.id}) as people,
         (select count(*)::int from social_case where ambito_id = ${ambito.id}) as cases,
         (select count(*)::int from intervention where ambito_id = ${ambito.id}) as interventions,
         (select count(*)::int from person where ambito_id = ${ambito.id} and comune_istat = ${ambito.comuni[0]}) as in_comune`.execute(
  db,
);
console.log(
  `engine ${opened.kind}; dataset ${JSON.stringify(counts.rows[0])} (Ambito ${ambito.slug}, ${ambito.comuni.length} Comuni)`,
);

const samples = await measureReads(db, ambito, ITERATIONS);
await explainPlans(db, ambito, samples.people[0] as { fiscal_code: string; family_name: string });

const out = mkdtempSync(join(tmpdir(), "filiera-siuss-bench-"));
const t = performance.now();
const result = await exportSiuss(db, ambito.id, {
  from: FROM,
  to: TODAY,
  outDir: out,
  operatorFiscalCode: "RSSMRA80A01H501U",
  today: TODAY,
  skipInvalid: true,
  actor: { userId: null, kind: "cli" },
});
const s = (performance.now() - t) / 1000;
const files = readdirSync(out);
const bytes = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
const records = result.beneficiaries + result.sinba;
console.log(
  `SIUSS export ${FROM}..${TODAY}: ${fmt(result.beneficiaries)} beneficiaries / ${fmt(result.benefits)} prestazioni + ` +
    `${fmt(result.sinba)} SINBA in ${result.files.length} files (${(bytes / 1e6).toFixed(1)} MB), ${s.toFixed(1)} s → ` +
    `${fmt(records / s)} records/s, ${fmt(result.benefits / s)} prestazioni/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s; ` +
    `${result.problems.length} left out, ${result.skippedNoFiscalCode} without codice fiscale`,
);
// Validation runs inside the export (worker threads, overlapped with reading): timed apart here,
// one file after the other, on the files as written.
const v = performance.now();
for (const f of result.files) {
  const check = await validateFlow(f.kind as FlowKind, readFileSync(join(out, f.name), "utf8"));
  if (!check.valid) throw new Error(`${f.name} does not validate`);
}
const vs = (performance.now() - v) / 1000;
console.log(`XSD validation alone (libxml2, sequential): ${vs.toFixed(1)} s, ${(bytes / 1e6 / vs).toFixed(2)} MB/s`);
rmSync(out, { recursive: true, force: true });
await opened.close();
