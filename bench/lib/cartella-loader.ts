/**
 * Set-based loader for the Cartella benchmarks: every table is filled by ONE
 * `insert … select … from generate_series(…)` computed by the database (names drawn from the
 * synthetic lists, valid codici fiscali with their check character computed in SQL), so nothing
 * travels row by row from Node. Works on PostgreSQL and PGlite.
 *
 * On PostgreSQL a big load runs in one transaction with foreign-key triggers off
 * (`session_replication_role = replica`: the rows are consistent by construction) and with the
 * tables' secondary indexes dropped and rebuilt afterwards from their own definitions (a sorted
 * build instead of millions of random B-tree inserts); rows go in primary-key order, so the
 * primary keys, which stay, grow at their right edge. Use only on a scratch database.
 */
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../src/server/db/database.ts";
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from "../../src/server/seed/synthetic/names.ts";
import { fiscalCodeCheckChar } from "../../src/shared/fiscal-code.ts";

export interface LoadSpec {
  ambitoId: number;
  people: number;
  /** Interventions per case (quarterly renewals); half of the people have a case. */
  interventionsPerCase: number;
  today: string;
  seed: string;
  /** The Ambito's Comuni with their Belfiore code and one social worker each. */
  comuni: { istat: string; belfiore: string; workerId: number }[];
  services: { id: number; siussArea: number; periodic: boolean }[];
  forms: { sina: number; sinba: number };
  /** Drop and rebuild secondary indexes, FK triggers off (PostgreSQL only). */
  bulk: boolean;
}

const TABLES = [
  "person",
  "person_detail",
  "social_case",
  "case_team_member",
  "assessment",
  "intervention",
  "diary_note",
];
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// The official odd-position values for 0-9 then A-Z (digits count as A-J).
const ODD = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
  25, 24, 23,
];
const EVEN = [...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 26 }, (_, i) => i)];

/** The check character of a 15-character SQL text expression, unrolled (no per-row subquery). */
function checkChar(f15: string): string {
  const terms = Array.from({ length: 15 }, (_, i) => {
    const table = i % 2 === 0 ? ODD : EVEN; // positions 1, 3, … are "odd" in the official tables
    return `(array[${table.join(",")}])[strpos('${ALNUM}', substr(${f15}, ${i + 1}, 1))]`;
  });
  return `chr(65 + ((${terms.join(" + ")}) % 26))`;
}

/** Deterministic pseudo-random 0..n-1 from an integer and a salt. */
const pick = (g: string, salt: number, n: number | string) => `(abs(hashint8extended(${g}, ${salt}) % ${n}))::int`;
const pickText = (t: string, salt: number, n: number | string) => `(abs(hashtextextended(${t}, ${salt}) % ${n}))::int`;
const jsonArray = (values: unknown[]) => sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))`;
const intArray = (values: number[]) => sql.raw(`array[${values.map((v) => Math.trunc(v)).join(",") || "null"}]::int[]`);

const SINA = {
  mobilita: 2,
  adl: 2,
  disturbi_cognitivi: 2,
  disturbi_comportamentali: 1,
  cure_sanitarie: 2,
  area_reddituale: 2,
  area_supporto: 2,
  fonte_valutazione: 1,
  strumento_valutazione: 1,
};
const SINBA = {
  minore_straniero_non_acc: 2,
  condizione_minore: 1,
  luogo_vita: 1,
  scuola_frequentata: 5,
  condizione_lavoro: 1,
  disabilita: 2,
  fonte_segnalazione: 2,
  valutazione_minore: 1,
  valutazione_famiglia: 2,
  segnalazione_ag: 2,
  provvedimento: 2,
};

type Step = { table: string; rows: number; seconds: number };

export async function loadCartella(db: Db, spec: LoadSpec, log: (s: string) => void = () => {}): Promise<Step[]> {
  const steps: Step[] = [];
  const run = async (trx: Db, table: string, statement: RawBuilder<unknown>) => {
    const t = performance.now();
    const res = await statement.execute(trx);
    const step = { table, rows: Number(res.numAffectedRows ?? 0), seconds: (performance.now() - t) / 1000 };
    steps.push(step);
    log(`  ${table.padEnd(22)} ${step.rows.toLocaleString("en-US").padStart(10)} rows in ${step.seconds.toFixed(1)} s`);
  };
  await db.transaction().execute(async (trx) => {
    let rebuild: { name: string; def: string }[] = [];
    if (spec.bulk) {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
      await sql`set local work_mem = '256MB'`.execute(trx);
      const { rows } = await sql<{ name: string; def: string }>`
        select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.schemaname = current_schema() and i.tablename in (${sql.join(TABLES)})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(trx);
      rebuild = rows;
      for (const r of rebuild) await sql`drop index ${sql.ref(r.name)}`.execute(trx);
    }
    await insertAll(trx as Db, spec, run);
    const t = performance.now();
    for (const r of rebuild) await sql.raw(r.def).execute(trx);
    if (rebuild.length) {
      const seconds = (performance.now() - t) / 1000;
      steps.push({ table: `(${rebuild.length} indexes rebuilt)`, rows: 0, seconds });
      log(`  ${rebuild.length} secondary indexes rebuilt in ${seconds.toFixed(1)} s`);
    }
  });
  return steps;
}

async function insertAll(
  db: Db,
  spec: LoadSpec,
  run: (db: Db, table: string, s: RawBuilder<unknown>) => Promise<void>,
) {
  const a = sql`${spec.ambitoId}::int`;
  const today = sql`${spec.today}::date`;
  const seed = sql`${spec.seed}::text`;
  const f15 =
    "(letters || lpad((extract(year from bd)::int % 100)::text, 2, '0') || substr('ABCDEHLMPRST', extract(month from bd)::int, 1) || lpad((extract(day from bd)::int + case when sex = 'F' then 40 else 0 end)::text, 2, '0') || belfiore)";
  // Six consonants spell the person's number in base 14: unique up to 7.5 million people.
  const letters = Array.from(
    { length: 6 },
    (_, k) => `substr('BCDFGLMNPRSTVZ', 1 + ((g / ${14 ** k}) % 14)::int, 1)`,
  ).join(" || ");
  await run(
    db,
    "person",
    sql`insert into person (ambito_id, id, comune_istat, fiscal_code, provisional, family_name, given_name, sex,
        birth_date, citizenship, created_at, updated_at)
      select ${a}, id, comune, ${sql.raw(f15)} || ${sql.raw(checkChar(f15))}, false, family, given, sex, bd, 'italiana', ts, ts
      from (
        select g, md5(${seed} || ':p:' || g)::uuid as id, ${sql.raw(letters)} as letters,
          l.istat[1 + ${sql.raw(pick("g", 1, "l.n"))}] as comune, l.belfiore[1 + ${sql.raw(pick("g", 1, "l.n"))}] as belfiore,
          l.surnames[1 + ${sql.raw(pick("g", 2, "cardinality(l.surnames)"))}] as family,
          case when g % 2 = 0 then l.female[1 + ${sql.raw(pick("g", 3, "cardinality(l.female)"))}]
            else l.male[1 + ${sql.raw(pick("g", 3, "cardinality(l.male)"))}] end as given,
          case when g % 2 = 0 then 'F' else 'M' end as sex,
          (${today} - ${sql.raw(pick("g", 4, 36_500))}) as bd,
          ${today}::timestamptz - make_interval(secs => ${sql.raw(pick("g", 5, 300_000_000))}) as ts
        from generate_series(1::bigint, ${spec.people}::bigint) g,
          (select ${jsonArray(spec.comuni.map((c) => c.istat))} as istat,
                  ${jsonArray(spec.comuni.map((c) => c.belfiore))} as belfiore, ${spec.comuni.length}::int as n,
                  ${jsonArray(SURNAMES)} as surnames, ${jsonArray(FEMALE_NAMES)} as female,
                  ${jsonArray(MALE_NAMES)} as male) l
      ) s
      order by id`,
  );
  await run(
    db,
    "person_detail",
    sql`insert into person_detail (ambito_id, person_id, birth_place_code, citizenship_code, residence_comune_istat,
        email, updated_at)
      select ambito_id, id, substr(fiscal_code, 12, 4), '100', comune_istat,
        'bench.' || left(id::text, 8) || '@sintetico.invalid', updated_at
      from person where ambito_id = ${a}`,
  );
  const workers = intArray(spec.comuni.map((c) => c.workerId));
  const istat = jsonArray(spec.comuni.map((c) => c.istat));
  // Half the people have a case opened 2014 – mid 2024; older ones mostly closed after 30 months.
  await run(
    db,
    "social_case",
    sql`insert into social_case (ambito_id, id, person_id, comune_istat, responsible_user_id, user_area, siuss_area,
        level, status, opened_on, closed_on, closure_reason, created_at, updated_at)
      select ${a}, md5(${seed} || ':c:' || p.id)::uuid, p.id, p.comune_istat,
        (${workers})[array_position(${istat}, p.comune_istat::text)],
        case when minor then 'famiglia_minori' when elderly then 'anziani' when h % 3 = 0 then 'disabili'
          else 'poverta_disagio_adulti' end,
        case when minor then 1 when elderly or h % 3 = 0 then 2 else 3 end,
        'voluntary',
        case when closes then 'closed' else 'open' end, opened, case when closes then opened + 910 end,
        case when closes then 'needs_resolved' end,
        opened::timestamptz, opened::timestamptz + make_interval(secs => h % 86400)
      from (
        select p.*, p.birth_date > (${today} - interval '18 years')::date as minor,
          p.birth_date <= (${today} - interval '65 years')::date as elderly,
          ${sql.raw(pickText("p.id::text", 7, 1_000_000))} as h,
          least(${today} - 30, greatest(p.birth_date, date '2014-01-01' + ${sql.raw(pickText("p.id::text", 8, 3777))})) as opened
        from person p where p.ambito_id = ${a} and ${sql.raw(pickText("p.id::text", 6, 2))} = 0
      ) p cross join lateral (select p.opened + 940 < ${today} and p.h % 4 <> 0 as closes) c
      order by 2`,
  );
  await run(
    db,
    "case_team_member",
    sql`insert into case_team_member (ambito_id, case_id, user_id, role, added_at)
      select ambito_id, id, responsible_user_id, 'responsible', created_at from social_case where ambito_id = ${a}`,
  );
  await run(
    db,
    "assessment",
    sql`insert into assessment (ambito_id, id, case_id, form_id, answers, assessed_on, assessed_by, created_at)
      select ambito_id, md5(${seed} || ':a:' || id)::uuid, id,
        case when siuss_area = 1 then ${spec.forms.sinba}::int else ${spec.forms.sina}::int end,
        case when siuss_area = 1 then ${JSON.stringify(SINBA)}::jsonb else ${JSON.stringify(SINA)}::jsonb end,
        least(opened_on + 10, ${today}), responsible_user_id, created_at
      from social_case where ambito_id = ${a} and siuss_area in (1, 2)`,
  );
  const byArea = (area: number, periodic: boolean) => {
    const ids = spec.services.filter((s) => s.siussArea === area && s.periodic === periodic).map((s) => s.id);
    return ids.length ? ids : spec.services.filter((s) => s.siussArea === area).map((s) => s.id);
  };
  const choices = (periodic: boolean) =>
    sql`case sc.siuss_area when 1 then ${intArray(byArea(1, periodic))} when 2 then ${intArray(byArea(2, periodic))}
      else ${intArray(byArea(3, periodic))} end`;
  // Quarterly renewals from the opening; every fifth one a one-off benefit when the area has one.
  await run(
    db,
    "intervention",
    sql`insert into intervention (ambito_id, id, case_id, person_id, service_type_id, comune_istat, provider_name,
        start_date, end_date, frequency, hours_per_period, amount_cents, share_comune_cents, share_user_cents,
        share_health_cents, status, created_by, created_at, updated_at)
      select ${a}, i.id, i.case_id, i.person_id, st.id, i.comune_istat, 'Cooperativa sociale (benchmark)',
        i.start_date, case when st.periodic then i.start_date + 90 else i.start_date end,
        case when st.periodic then 'weekly' else 'one_off' end, case when st.periodic then 4 end,
        i.amount, i.amount - i.amount * 15 / 100, i.amount * 15 / 100, 0,
        case when (case when st.periodic then i.start_date + 90 else i.start_date end) < ${today} then 'ended'
          else 'active' end,
        i.responsible_user_id, i.start_date::timestamptz, i.start_date::timestamptz + make_interval(secs => i.h % 86400)
      from (
        select md5(${seed} || ':i:' || sc.id || ':' || k)::uuid as id, sc.id as case_id, sc.person_id, sc.comune_istat,
          sc.responsible_user_id, sc.opened_on + k * 91 as start_date, ${sql.raw(pickText("sc.id::text", 9, 1_000_000))} + k as h,
          case when k % 5 = 4 then ${choices(false)} else ${choices(true)} end as choices,
          20000 + ${sql.raw(pickText("sc.id::text", 10, 60_000))} as amount
        from social_case sc cross join generate_series(0, ${spec.interventionsPerCase - 1}) k
        where sc.ambito_id = ${a} and sc.opened_on + k * 91 <= ${today}
      ) i
      join service_type st on st.ambito_id = ${a} and st.id = i.choices[1 + (i.h % cardinality(i.choices))]
      order by i.id`,
  );
  await run(
    db,
    "diary_note",
    sql`insert into diary_note (ambito_id, id, case_id, note_type, occurred_on, body, author_id, created_at)
      select ambito_id, md5(${seed} || ':n:' || id || ':' || k)::uuid, id, 'interview', least(opened_on + 15 * k, ${today}),
        'Colloquio di verifica con la persona (nota sintetica del benchmark).', responsible_user_id, created_at
      from social_case cross join generate_series(1, 2) k where ambito_id = ${a}`,
  );
}

/** The codici fiscali the SQL computed, re-checked in TypeScript on a sample: a wrong table fails loudly. */
export async function checkFiscalCodes(db: Db, ambitoId: number, sample = 1000): Promise<void> {
  const { rows } = await sql<{ fiscal_code: string }>`
    select fiscal_code from person where ambito_id = ${ambitoId} and fiscal_code is not null
    order by md5(id::text) limit ${sample}`.execute(db);
  const bad = rows.filter((r) => fiscalCodeCheckChar(r.fiscal_code.slice(0, 15)) !== r.fiscal_code[15]);
  if (bad.length)
    throw new Error(`${bad.length} of ${rows.length} generated codici fiscali have a wrong check character`);
}
