import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { cellsToSuppress, SMALL_COUNT } from "./stats.suppress.ts";

/**
 * Pseudonymised aggregates of the Cartella for planning (Piano di Zona indicators): no person
 * appears, only counts and sums by Comune, user area, SIUSS benefit code and period, computed in
 * SQL. Tables that leave the Ambito (audience "public": the Assemblea dei Sindaci, published
 * reports) go through small-count suppression with complementary suppression.
 *
 * measure "cases": people in charge (distinct people with a case open at some time in the period)
 *   and new cases (opened in the period); dimensions comune, area, period (bucket of the later of
 *   the opening date and the period start).
 * measure "interventions": people served (distinct), interventions active in the period, and
 *   their amounts by share (Comune, user, health service); dimensions comune (paying Comune),
 *   area (the case's), service (SIUSS code), period (bucket of the later of start and period start).
 */
export type StatsDimension = "comune" | "area" | "service" | "period";
export interface StatsQuery {
  from: string;
  to: string;
  measure: "cases" | "interventions";
  by: StatsDimension[];
  granularity: "year" | "month";
  /** Only these Comuni (ISTAT), e.g. a mayor's own. */
  comuni?: string[];
}

export interface StatsCell {
  key: Partial<Record<StatsDimension, string>>;
  people: number | null;
  newCases?: number | null;
  interventions?: number | null;
  spendingCents?: { comune: number; user: number; health: number } | null;
  suppressed: boolean;
}

export interface StatsTable {
  query: StatsQuery;
  audience: "internal" | "public";
  threshold: number | null;
  cells: StatsCell[];
  total: Omit<StatsCell, "key">;
}

interface Raw {
  comune?: string;
  area?: string;
  service?: string;
  period?: string;
  people: number;
  new_cases?: number;
  interventions?: number;
  s_comune?: number;
  s_user?: number;
  s_health?: number;
}

function dimensionSql(measure: StatsQuery["measure"], d: StatsDimension, q: StatsQuery): RawBuilder<string> {
  const fmt = q.granularity === "year" ? "YYYY" : "YYYY-MM";
  if (measure === "cases") {
    if (d === "comune") return sql<string>`sc.comune_istat`;
    if (d === "area") return sql<string>`sc.user_area`;
    return sql<string>`to_char(greatest(sc.opened_on, ${q.from}::date), ${fmt})`;
  }
  if (d === "comune") return sql<string>`i.comune_istat`;
  if (d === "area") return sql<string>`sc.user_area`;
  if (d === "service") return sql<string>`st.siuss_code`;
  return sql<string>`to_char(greatest(i.start_date, ${q.from}::date), ${fmt})`;
}

async function query(db: Db, ambitoId: number, q: StatsQuery, dims: StatsDimension[]): Promise<Raw[]> {
  const select = dims.length
    ? sql.join(dims.map((d) => sql`${dimensionSql(q.measure, d, q)} as ${sql.ref(d)}`))
    : sql`1 as one`;
  const group = dims.length ? sql`group by ${sql.join(dims.map((d) => dimensionSql(q.measure, d, q)))}` : sql``;
  const order = dims.length ? sql`order by ${sql.join(dims.map((_, i) => sql.raw(String(i + 1))))}` : sql``;
  if (q.measure === "cases") {
    const comuni = q.comuni ? sql`and sc.comune_istat in (${sql.join(q.comuni)})` : sql``;
    const { rows } = await sql<Raw>`
      select ${select}, count(distinct sc.person_id)::int as people,
        (count(*) filter (where sc.opened_on >= ${q.from}::date))::int as new_cases
      from social_case sc
      where sc.ambito_id = ${ambitoId} and sc.opened_on <= ${q.to}::date
        and (sc.closed_on is null or sc.closed_on >= ${q.from}::date) ${comuni}
      ${group} ${order}`.execute(db);
    return rows;
  }
  const comuni = q.comuni ? sql`and i.comune_istat in (${sql.join(q.comuni)})` : sql``;
  const { rows } = await sql<Raw>`
    select ${select}, count(distinct i.person_id)::int as people, count(*)::int as interventions,
      coalesce(sum(i.share_comune_cents), 0)::bigint as s_comune, coalesce(sum(i.share_user_cents), 0)::bigint as s_user,
      coalesce(sum(i.share_health_cents), 0)::bigint as s_health
    from intervention i
    join social_case sc on sc.ambito_id = i.ambito_id and sc.id = i.case_id
    join service_type st on st.ambito_id = i.ambito_id and st.id = i.service_type_id
    where i.ambito_id = ${ambitoId} and i.status <> 'cancelled' and i.start_date <= ${q.to}::date
      and (i.end_date is null or i.end_date >= ${q.from}::date) ${comuni}
    ${group} ${order}`.execute(db);
  return rows;
}

function toCell(r: Raw, q: StatsQuery): Omit<StatsCell, "key"> {
  return q.measure === "cases"
    ? { people: r.people, newCases: r.new_cases ?? 0, suppressed: false }
    : {
        people: r.people,
        interventions: r.interventions ?? 0,
        spendingCents: {
          comune: Number(r.s_comune ?? 0),
          user: Number(r.s_user ?? 0),
          health: Number(r.s_health ?? 0),
        },
        suppressed: false,
      };
}

const hide = (c: Omit<StatsCell, "key">): Omit<StatsCell, "key"> => ({
  people: null,
  ...("newCases" in c ? { newCases: null } : {}),
  ...("interventions" in c ? { interventions: null, spendingCents: null } : {}),
  suppressed: true,
});

/** The table; with audience "public" small counts are suppressed (see stats.suppress.ts). */
export async function casesStats(
  db: Db,
  ambitoId: number,
  q: StatsQuery,
  audience: "internal" | "public",
): Promise<StatsTable> {
  const dims = [...new Set(q.by)].filter((d) => q.measure === "interventions" || d !== "service");
  const [rows, totals] = await Promise.all([query(db, ambitoId, q, dims), query(db, ambitoId, q, [])]);
  const totalRaw = totals[0] ?? { people: 0, new_cases: 0, interventions: 0 };
  let cells: StatsCell[] = rows.map((r) => ({
    key: Object.fromEntries(dims.map((d) => [d, String(r[d] ?? "")])),
    ...toCell(r, q),
  }));
  let total = toCell(totalRaw, q);
  if (audience === "public") {
    const counts = (c: Omit<StatsCell, "key">) => ({
      people: c.people ?? 0,
      alsoCounts: c.newCases !== undefined ? [c.newCases ?? 0] : [],
    });
    const s = cellsToSuppress(cells.map(counts), counts(total));
    cells = cells.map((c, i) => (s.cells.has(i) ? { key: c.key, ...hide(c) } : c));
    if (s.total) total = hide(total);
  }
  return {
    query: { ...q, by: dims },
    audience,
    threshold: audience === "public" ? SMALL_COUNT : null,
    cells,
    total,
  };
}
