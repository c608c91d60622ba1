/**
 * Osservatorio benchmark: import ISTAT-layout population for every Lombardy Comune × 10 years
 * (1,506 × 101 ages × 10 ≈ 1.5 M rows) and recompute every indicator for an Ambito and for all
 * Comuni. Prints rows/s and timings. PGlite in memory by default; DATABASE_URL for PostgreSQL
 * (it writes to that database's istat_population table).
 *   node --import tsx bench/observatory.ts [years=10]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { computeProfile, importIstatPopulation } from "../src/server/modules/observatory/index.ts";
import { seedEnti } from "../src/server/modules/territory/index.ts";
import { findTenant } from "../src/server/platform/tenancy.ts";
import { istatPopulationCsv, writeLatin1 } from "../test/helpers/istat-csv.ts";

const years = Number(process.argv[2] ?? 10);
const url = process.env.DATABASE_URL;
const opened = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dir: ":memory:" });
await migrateToLatest(opened.db);
await seedEnti(opened.db);

const comuni = await opened.db
  .selectFrom("comune")
  .select(["istat_code as code", "name"])
  .where("region_code", "=", "03")
  .execute();
const dir = mkdtempSync(join(tmpdir(), "filiera-bench-"));
let rows = 0;
let importMs = 0;
let bytes = 0;
for (let i = 0; i < years; i++) {
  const year = 2015 + i;
  const file = writeLatin1(join(dir, `posas-${year}.csv`), istatPopulationCsv(comuni, year, 40 + i));
  bytes += statSync(file).size;
  const started = performance.now();
  const report = await importIstatPopulation(opened.db, file, {});
  importMs += performance.now() - started;
  if (!report.ok) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
  rows += report.rows;
  process.stderr.write(`  ${year}: ${report.rows} rows\n`);
}
rmSync(dir, { recursive: true, force: true });

const tenant = await findTenant(opened.db, "visconteo-sud-milano");
if (!tenant) throw new Error("seeded Ambito missing");
let started = performance.now();
const profile = await computeProfile(opened.db, tenant);
const ambitoMs = performance.now() - started;

// Every Lombardy Comune as one Ambito: the regional roll-up.
const region = await opened.db
  .insertInto("ambito")
  .values({ slug: `bench-lombardia-${Date.now()}`, name: "Lombardia (bench)", kind: "ambito", region_code: "03" })
  .returning(["id", "slug", "name", "kind"])
  .executeTakeFirstOrThrow();
await opened.db
  .insertInto("ambito_comune")
  .values(comuni.map((c) => ({ ambito_id: region.id, comune_istat: c.code })))
  .execute();
started = performance.now();
const regional = await computeProfile(opened.db, region);
const regionMs = performance.now() - started;

console.log(
  JSON.stringify(
    {
      database: opened.kind,
      comuni: comuni.length,
      years,
      rows,
      csvMegabytes: Math.round(bytes / 1e5) / 10,
      importSeconds: Math.round(importMs / 100) / 10,
      importRowsPerSecond: Math.round(rows / (importMs / 1000)),
      ambitoProfile: { comuni: profile.comuni.length, values: profile.values.length, ms: Math.round(ambitoMs) },
      lombardyProfile: { comuni: regional.comuni.length, values: regional.values.length, ms: Math.round(regionMs) },
    },
    null,
    2,
  ),
);
await opened.close();
