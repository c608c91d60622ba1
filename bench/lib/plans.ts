/**
 * The query plans behind the measured reads, printed by the bench so an index that is not used
 * shows up in its output: person search by codice fiscale and by name, the export's keyset page,
 * and the pull API's "changed since" reads.
 */
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../src/server/db/database.ts";
import { hasBigTeam, peopleQuery } from "../../src/server/modules/people/people-search.ts";
import {
  interventionPageSql,
  interventionsChangedSql,
  minorCasesChangedSql,
  ZERO_UUID,
} from "../../src/server/modules/siuss/siuss.repo.ts";
import { type BenchAmbito, callerOf } from "./cartella-bench.ts";

async function explain(db: Db, label: string, query: RawBuilder<unknown> | { compile: () => unknown }) {
  const { rows } = await sql<{ "QUERY PLAN": string }>`explain (analyze, buffers, costs off) ${query}`.execute(db);
  const lines = rows.map((r) => r["QUERY PLAN"]);
  console.log(`\n-- plan: ${label}`);
  // Index names, node types and timings; the rest of a long plan (the export's joins) is elided.
  for (const l of lines.slice(0, 40)) console.log(`   ${l}`);
  if (lines.length > 40) console.log(`   … ${lines.length - 40} more lines`);
}

export async function explainPlans(db: Db, a: BenchAmbito, sample: { fiscal_code: string; family_name: string }) {
  const scope = callerOf(a, "people:read").scope;
  const bigTeam = await hasBigTeam(db, scope);
  console.log(`\n-- bench worker on ${bigTeam ? "more than" : "at most"} 1,000 cases (people-search.ts, BIG_TEAM)`);
  await explain(
    db,
    "person search by codice fiscale",
    peopleQuery(scope, { q: sample.fiscal_code, limit: 20, offset: 0 }, bigTeam),
  );
  await explain(
    db,
    "person search by family-name prefix",
    peopleQuery(scope, { q: sample.family_name.slice(0, 4), limit: 20, offset: 0 }, bigTeam),
  );
  const period = { from: "2026-01-01", to: "2026-11-25" };
  await explain(
    db,
    "SIUSS export, first page (keyset)",
    interventionPageSql(a.id, period, { personId: ZERO_UUID, id: ZERO_UUID }, 2000),
  );
  const { rows } = await sql<{ ms: number }>`
    select (extract(epoch from percentile_disc(0.9) within group (order by updated_at)) * 1000)::bigint as ms
    from intervention where ambito_id = ${a.id}`.execute(db);
  const since = Number(rows[0]?.ms ?? 0);
  await explain(
    db,
    "pull API: interventions changed since (latest 10 %)",
    interventionsChangedSql(a.id, since, 20, period.to),
  );
  await explain(db, "pull API: minors' cases changed since", minorCasesChangedSql(a.id, since, 20, period.to));
}
