import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { listDocuments, sumLines } from "../budget/index.ts";
import { countCasesOpenAtYearEnd, countCasesOpenedInYear, countPuaContacts } from "../cases/index.ts";
import { computeProfile } from "../observatory/index.ts";
import { countPeopleRegistered } from "../people/index.ts";

/**
 * Named queries a computed indicator can point to. Each returns the value for one Ambito and one
 * year (null when there is no data). A new source is one entry in SOURCES; other modules' data
 * comes through their index (budget, observatory, cases counts).
 */
export interface ComputeContext {
  /** Memo shared by the sources within one recompute run (e.g. an Ambito's profile, loaded once). */
  memo: Map<string, Promise<unknown>>;
}
export const newContext = (): ComputeContext => ({ memo: new Map() });

export interface ComputedSource {
  key: string;
  label: string;
  unit: "count" | "percent" | "eur";
  compute(db: Db, ambitoId: number, year: number, ctx: ComputeContext): Promise<number | null>;
}

function memo<T>(ctx: ComputeContext, key: string, load: () => Promise<T>): Promise<T> {
  let hit = ctx.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    ctx.memo.set(key, hit);
  }
  return hit;
}

async function profileOf(db: Db, ambitoId: number, ctx: ComputeContext) {
  return memo(ctx, `profile:${ambitoId}`, async () => {
    const a = await db
      .selectFrom("ambito")
      .select(["id", "slug", "name", "kind"])
      .where("id", "=", ambitoId)
      .executeTakeFirstOrThrow();
    return computeProfile(db, a);
  });
}

const AMBITO_TERRITORY = "AMBITO";
const yearEnd = (year: number) => `${year + 1}-01-01`;

const observatoryIndicator = (code: string, label: string): ComputedSource => ({
  key: `observatory.${code}`,
  label,
  unit: "percent",
  async compute(db, ambitoId, year, ctx) {
    const p = await profileOf(db, ambitoId, ctx);
    const v = p.values.find((x) => x.territory === AMBITO_TERRITORY && x.indicator === code && x.year === year);
    return v ? Math.round(v.value * 100) / 100 : null;
  },
});

export const SOURCES: ComputedSource[] = [
  {
    key: "people.registered",
    label: "Persone registrate nella Cartella Sociale dell'Ambito (a fine anno)",
    unit: "count",
    compute: (db, ambitoId, year) => countPeopleRegistered(db, ambitoId, new Date(yearEnd(year))),
  },
  {
    key: "observatory.population",
    label: "Popolazione residente dell'Ambito al 1° gennaio (ISTAT)",
    unit: "count",
    async compute(db, ambitoId, year, ctx) {
      const p = await profileOf(db, ambitoId, ctx);
      return p.population.find((x) => x.territory === AMBITO_TERRITORY && x.year === year)?.value ?? null;
    },
  },
  observatoryIndicator("over65_share", "Quota di popolazione con 65 anni e più (%)"),
  observatoryIndicator("over80_share", "Quota di popolazione con 80 anni e più (%)"),
  {
    key: "budget.missione12",
    label: "Stanziamento di previsione della Missione 12 (diritti sociali), in euro",
    unit: "eur",
    async compute(db, ambitoId, year) {
      const docs = await listDocuments(db, ambitoId);
      const doc = docs.filter((d) => d.year === year && d.kind === "previsione").at(-1);
      if (!doc) return null;
      const rows = await sumLines(db, ambitoId, doc.id, "programma");
      const cents = rows.filter((r) => / 12\./.test(r.key)).reduce((s, r) => s + r.forecastCents, 0);
      return cents / 100;
    },
  },
  {
    key: "planning.meetings",
    label: "Incontri degli organi di governance tenuti nell'anno",
    unit: "count",
    async compute(db, ambitoId, year) {
      const r = await db
        .selectFrom("gov_meeting")
        .select(sql<string>`count(*)`.as("n"))
        .where("ambito_id", "=", ambitoId)
        .where("held_on", ">=", `${year}-01-01`)
        .where("held_on", "<", yearEnd(year))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  },
  {
    key: "planning.third_sector_presences",
    label: "Presenze di Enti del Terzo Settore agli incontri di co-programmazione nell'anno",
    unit: "count",
    async compute(db, ambitoId, year) {
      const r = await db
        .selectFrom("gov_meeting as m")
        .innerJoin("gov_member as g", (j) =>
          j
            .onRef("g.ambito_id", "=", "m.ambito_id")
            .onRef("g.body_code", "=", "m.body_code")
            .on(sql<boolean>`g.code = any(m.attendees)`),
        )
        .select(sql<string>`count(*)`.as("n"))
        .where("m.ambito_id", "=", ambitoId)
        .where("g.third_sector", "=", true)
        .where("m.held_on", ">=", `${year}-01-01`)
        .where("m.held_on", "<", yearEnd(year))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  },
];

/** Cases (Cartella Sociale): aggregate counts only, through the cases module's index. */
const CASE_SOURCES: ComputedSource[] = [
  {
    key: "cases.open_at_year_end",
    label: "Cartelle sociali aperte al 31 dicembre",
    unit: "count",
    compute: (db, ambitoId, year) => countCasesOpenAtYearEnd(db, ambitoId, year),
  },
  {
    key: "cases.opened_in_year",
    label: "Prese in carico avviate nell'anno",
    unit: "count",
    compute: (db, ambitoId, year) => countCasesOpenedInYear(db, ambitoId, year),
  },
  {
    key: "cases.pua_social_worker_share",
    label: "Accessi al PUA con un assistente sociale / accessi al PUA totali (%)",
    unit: "percent",
    async compute(db, ambitoId, year) {
      const { total, bySocialWorker } = await countPuaContacts(db, ambitoId, year);
      return total ? Math.round((bySocialWorker / total) * 1000) / 10 : null;
    },
  },
];
SOURCES.push(...CASE_SOURCES);

export const SOURCE_BY_KEY = new Map(SOURCES.map((s) => [s.key, s]));
export const QUERY_KEYS: ReadonlySet<string> = new Set(SOURCE_BY_KEY.keys());
