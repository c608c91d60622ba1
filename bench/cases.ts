/**
 * Cartella benchmark: N synthetic people in two Comuni, a case for every third person with
 * interventions, diary notes and an assessment, then the latency percentiles of what a social
 * worker does all day: search a person by name prefix or codice fiscale, open the person's file
 * and open a case file (each read audited, as in production). PGlite in memory by default, or
 * the PostgreSQL database of DATABASE_URL when set (it must be a scratch database).
 *
 *   node --import tsx bench/cases.ts [N=20000] [ITERATIONS=200]
 */
import { sql } from "kysely";
import { type Db, openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { getCaseFile, getPersonFile } from "../src/server/modules/cases/case-file.ts";
import { ensureStandardForms, ensureStandardServiceTypes } from "../src/server/modules/cases/index.ts";
import { type Caller, listPeople } from "../src/server/modules/people/index.ts";
import { fiscalCodeCheckChar } from "../src/shared/fiscal-code.ts";

const N = Number(process.argv[2] ?? 20_000);
const ITERATIONS = Number(process.argv[3] ?? 200);
const BATCH = 500;
const COMUNI = ["015189", "015159"]; // Rozzano, Opera
const FAMILY = [
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Romano",
  "Colombo",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
  "De Luca",
  "Mancini",
  "Costa",
  "Giordano",
  "Rizzo",
  "Lombardi",
  "Moretti",
];
const GIVEN = [
  "Giulia",
  "Marco",
  "Anna",
  "Luca",
  "Sara",
  "Paolo",
  "Chiara",
  "Andrea",
  "Elena",
  "Giorgio",
  "Francesca",
  "Matteo",
  "Laura",
  "Davide",
  "Silvia",
];
const MONTHS = "ABCDEHLMPRST";
const CONSONANTS = "BCDFGLMNPRSTVZ";

let seed = 42;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;

/** A well-formed, unique invented codice fiscale for person i. */
function fiscalCode(i: number, female: boolean, year: number, month: number, day: number): string {
  const letters = (n: number, len: number) =>
    Array.from({ length: len }, (_, k) => CONSONANTS[Math.floor(n / CONSONANTS.length ** k) % CONSONANTS.length]).join(
      "",
    );
  const first15 = `${letters(i, 6)}${String(year % 100).padStart(2, "0")}${MONTHS[month - 1]}${String(day + (female ? 40 : 0)).padStart(2, "0")}Z${String(100 + (Math.floor(i / 14 ** 6) % 900)).padStart(3, "0")}`;
  return first15 + fiscalCodeCheckChar(first15);
}

async function generate(db: Db) {
  const { id: ambitoId } = await db
    .insertInto("ambito")
    .values({ slug: `bench-cases-${Date.now()}`, name: "Ambito di benchmark", kind: "ambito", region_code: "03" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("ambito_comune")
    .values(COMUNI.map((c) => ({ ambito_id: ambitoId, comune_istat: c })))
    .execute();
  const { id: userId } = await db
    .insertInto("app_user")
    .values({ username: `bench.as.${Date.now()}`, display_name: "Assistente sociale (benchmark)" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("role_assignment")
    .values({ user_id: userId, role: "social_worker", ambito_id: ambitoId, comune_istat: COMUNI[0] })
    .execute();
  await ensureStandardForms(db, ambitoId);
  await ensureStandardServiceTypes(db, ambitoId);
  const types = await db.selectFrom("service_type").select("id").where("ambito_id", "=", ambitoId).execute();
  const form = await db
    .selectFrom("assessment_form")
    .select("id")
    .where("ambito_id", "=", ambitoId)
    .executeTakeFirstOrThrow();
  const codes: string[] = [];
  const caseIds: string[] = [];
  for (let i = 0; i < N; i += BATCH) {
    const people = [];
    for (let j = i; j < Math.min(N, i + BATCH); j++) {
      const female = rnd() < 0.52;
      const year = 1930 + Math.floor(rnd() * 90);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const cf = fiscalCode(j, female, year, month, day);
      codes.push(cf);
      people.push({
        ambito_id: ambitoId,
        comune_istat: COMUNI[j % 2] as string,
        fiscal_code: cf,
        family_name: pick(FAMILY),
        given_name: pick(GIVEN),
        sex: (female ? "F" : "M") as "F" | "M",
        birth_date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      });
    }
    const inserted = await db.insertInto("person").values(people).returning(["id", "comune_istat"]).execute();
    const withCase = inserted.filter((_, k) => (i + k) % 3 === 0);
    if (withCase.length === 0) continue;
    const cases = await db
      .insertInto("social_case")
      .values(
        withCase.map((p) => ({
          ambito_id: ambitoId,
          person_id: p.id,
          comune_istat: p.comune_istat,
          responsible_user_id: userId,
          user_area: "anziani" as const,
          siuss_area: 2 as const,
          level: "voluntary" as const,
          opened_on: "2025-03-01",
        })),
      )
      .returning(["id", "person_id", "comune_istat"])
      .execute();
    for (const c of cases) if (c.comune_istat === COMUNI[0]) caseIds.push(c.id);
    await db
      .insertInto("case_team_member")
      .values(cases.map((c) => ({ ambito_id: ambitoId, case_id: c.id, user_id: userId, role: "responsible" as const })))
      .execute();
    await db
      .insertInto("intervention")
      .values(
        cases.flatMap((c) =>
          [0, 1, 2].map((k) => ({
            ambito_id: ambitoId,
            case_id: c.id,
            person_id: c.person_id,
            service_type_id: pick(types).id,
            comune_istat: c.comune_istat,
            start_date: `2025-0${k + 3}-01`,
            amount_cents: 30000,
            share_comune_cents: 24000,
            share_user_cents: 6000,
            share_health_cents: 0,
          })),
        ),
      )
      .execute();
    await db
      .insertInto("diary_note")
      .values(
        cases.flatMap((c) =>
          [0, 1, 2, 3, 4].map((k) => ({
            ambito_id: ambitoId,
            case_id: c.id,
            note_type: "interview" as const,
            occurred_on: `2025-0${k + 3}-15`,
            body: "Colloquio di verifica con la persona e il caregiver.",
            author_id: userId,
          })),
        ),
      )
      .execute();
    await db
      .insertInto("assessment")
      .values(
        cases.map((c) => ({
          ambito_id: ambitoId,
          case_id: c.id,
          form_id: form.id,
          answers: JSON.stringify({ richiedente: "familiare" }),
          assessed_on: "2025-03-02",
          assessed_by: userId,
        })),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
  return { ambitoId, userId, codes, caseIds };
}

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(1);
  return `p50 ${at(50)} ms · p95 ${at(95)} ms · p99 ${at(99)} ms · max ${(s.at(-1) ?? 0).toFixed(1)} ms`;
}

async function time(label: string, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(34)} ${percentiles(ms)}`);
}

const url = process.env.DATABASE_URL;
const opened = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dir: ":memory:" });
const db = opened.db;
await migrateToLatest(db);
const t0 = performance.now();
const { ambitoId, userId, codes, caseIds } = await generate(db);
console.log(
  `engine ${opened.kind}; generated ${N} people, ${Math.ceil(N / 3)} cases, ${Math.ceil(N / 3) * 3} interventions, ${Math.ceil(N / 3) * 5} notes in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const caller: Caller = {
  scope: {
    userId,
    ambitoId,
    ambitoSlug: "bench",
    permission: "cases:read",
    comuni: [COMUNI[0] as string],
    teams: "all",
    organisations: "all",
  },
  ip: null,
  purpose: "benchmark",
};
const rozzanoCodes = codes.filter((_, i) => i % 2 === 0);
await time("person search by name prefix", (i) =>
  listPeople(db, caller, { q: `${FAMILY[i % FAMILY.length]?.slice(0, 4)}`, limit: 25, offset: 0 }),
);
await time("person search by codice fiscale", (i) =>
  listPeople(db, caller, { q: rozzanoCodes[(i * 7919) % rozzanoCodes.length], limit: 25, offset: 0 }),
);
const personIds = (
  await db.selectFrom("social_case").select("person_id").where("id", "in", caseIds.slice(0, ITERATIONS)).execute()
).map((r) => r.person_id);
await time("open a person's file", (i) => getPersonFile(db, caller, personIds[i % personIds.length] as string));
await time("open a case file", (i) => getCaseFile(db, caller, caseIds[(i * 31) % caseIds.length] as string));
await opened.close();
