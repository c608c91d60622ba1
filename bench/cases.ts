/**
 * Cartella benchmark: N synthetic people (half with a case, quarterly interventions, an
 * assessment and diary notes) loaded by set-based SQL, then the latency percentiles of what a
 * social worker does all day: search a person by name or codice fiscale, open the person's file
 * and open a case file, each read audited as in production. PGlite in memory by default, or the
 * PostgreSQL database of DATABASE_URL (a scratch database, never `test`).
 *
 *   node --import tsx bench/cases.ts [N=20000] [ITERATIONS=200]
 * The 1M-people run on PostgreSQL, with the SIUSS export, is bench/siuss.ts.
 */
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { benchAmbito, measureReads } from "./lib/cartella-bench.ts";

const N = Number(process.argv[2] ?? 20_000);
const ITERATIONS = Number(process.argv[3] ?? 200);
const url = process.env.DATABASE_URL;
if (url && /\/test(\?|$)/.test(url)) throw new Error("Refusing the 'test' database: the test suite resets it");
const opened = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dir: ":memory:" });
await migrateToLatest(opened.db);
const ambito = await benchAmbito(opened.db, {
  people: N,
  interventionsPerCase: 10,
  today: "2026-11-25",
  bulk: opened.kind === "postgres" && N >= 100_000,
});
console.log(`engine ${opened.kind}, Ambito ${ambito.slug} (${ambito.comuni.length} Comuni)`);
await measureReads(opened.db, ambito, ITERATIONS);
await opened.close();
