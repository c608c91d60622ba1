import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AnalysisFilters, Axis } from "./analysis.contracts.ts";
import { MISSIONI_DATASET, PDC_DATASET } from "./reference-data.ts";

/**
 * Aggregations over budget lines, all done by the database (GROUP BY; int8 sums are exact and come
 * back as numeric strings). Axis and filter expressions come from fixed lists, values are bound.
 */

export const SIDE_SECTIONS = { entrate: ["1.A", "2.A"], spese: ["1.B", "2.B"] } as const;
/** Characters of a piano dei conti code at each level: "U.1", "U.1.03", … "U.1.03.02.15.000". */
const PDC_LENGTH = [0, 3, 6, 9, 12, 16] as const;

const pdcVersion = sql`(select version from ref_dataset where name = ${PDC_DATASET})`;
const missioniVersion = sql`(select version from ref_dataset where name = ${MISSIONI_DATASET})`;

function whereLines(ambitoId: number, documentId: number, f: AnalysisFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`l.ambito_id = ${ambitoId}`,
    sql`l.document_id = ${documentId}`,
    sql`l.section in (${sql.join([...SIDE_SECTIONS[f.side]])})`,
  ];
  if (f.section) parts.push(sql`l.section = ${f.section}`);
  if (f.settore) parts.push(sql`l.settore = ${f.settore}`);
  if (f.titolo) parts.push(sql`l.titolo = ${f.titolo}`);
  if (f.macroaggregato) parts.push(sql`${groupKey} = ${f.macroaggregato}`);
  if (f.pdc) parts.push(sql`l.pdc like ${`${f.pdc.replace(/[%_]/g, "")}%`}`);
  if (f.missione) parts.push(sql`l.missione = ${f.missione}`);
  if (f.programma) parts.push(sql`l.missione || '.' || l.programma = ${f.programma}`);
  if (f.vincolo !== undefined) parts.push(sql`l.vincolo = ${f.vincolo}`);
  return sql.join(parts, sql` and `);
}

/** Titolo + tipologia (entrate) or macroaggregato (spese): "1.03"; capital spese have none: "2". */
const groupKey = sql`l.titolo || coalesce('.' || coalesce(l.tipologia, l.macroaggregato), '')`;

function axisKey(axis: Exclude<Axis, "line">, level: number) {
  switch (axis) {
    case "settore":
      return sql<string>`l.settore`;
    case "titolo":
      return sql<string>`l.titolo`;
    case "macroaggregato":
      return groupKey;
    case "pdc":
      return sql<string>`coalesce(left(l.pdc, ${PDC_LENGTH[level]}), '')`;
    case "missione":
      return sql<string>`coalesce(l.missione, '')`;
    case "programma":
      return sql<string>`coalesce(l.missione || '.' || l.programma, '')`;
  }
}

/** Label of a grouped key, from the reference tables where the axis has them. */
function axisLabel(axis: Exclude<Axis, "line">, prefix: "E" | "U") {
  switch (axis) {
    case "settore":
      return sql<string | null>`g.settore_name`;
    case "titolo":
    case "macroaggregato":
      return sql<
        string | null
      >`(select name from ref_piano_conti r where r.version = ${pdcVersion} and r.code = ${`${prefix}.`} || g.key)`;
    case "pdc":
      return sql<
        string | null
      >`(select name from ref_piano_conti r where r.version = ${pdcVersion} and r.code = g.key)`;
    case "missione":
      return sql<
        string | null
      >`(select name from ref_budget_missione r where r.version = ${missioniVersion} and r.missione = g.key)`;
    case "programma":
      return sql<
        string | null
      >`(select name from ref_budget_programme r where r.version = ${missioniVersion} and r.missione || '.' || r.programma = g.key)`;
  }
}

export interface SumRow {
  key: string;
  label: string | null;
  lines: string;
  forecast: string;
  prior_forecast: string;
  prior_actual: string;
}

export async function pivotSums(
  db: Db,
  ambitoId: number,
  documentId: number,
  axis: Exclude<Axis, "line">,
  level: number,
  f: AnalysisFilters,
  limit: number,
): Promise<SumRow[]> {
  const prefix = f.side === "entrate" ? "E" : "U";
  const { rows } = await sql<SumRow>`
    with g as (
      select ${axisKey(axis, level)} as key, max(l.settore_name) as settore_name, count(*) as lines,
        sum(l.forecast_cents) as forecast, sum(l.prior_forecast_cents) as prior_forecast,
        sum(l.prior_actual_cents) as prior_actual
      from budget_line l
      where ${whereLines(ambitoId, documentId, f)}
      group by 1
    )
    select g.key, ${axisLabel(axis, prefix)} as label, g.lines, g.forecast, g.prior_forecast, g.prior_actual
    from g order by g.key limit ${limit}`.execute(db);
  return rows;
}

export interface LineRow {
  section: string;
  capitolo: number;
  articolo: number;
  sub: number;
  description: string;
  settore: string;
  settore_name: string;
  pdc: string | null;
  pdc_name: string | null;
  missione: string | null;
  programma: string | null;
  programma_name: string | null;
  vincolo: boolean;
  first_line: number;
  forecast_cents: number;
  prior_forecast_cents: number;
  prior_actual_cents: number;
}

/** The lines themselves (drill-down), with their piano dei conti and programme names by code. */
export async function pivotLines(
  db: Db,
  ambitoId: number,
  documentId: number,
  f: AnalysisFilters,
  limit: number,
): Promise<LineRow[]> {
  const { rows } = await sql<LineRow>`
    select l.section, l.capitolo, l.articolo, l.sub, l.description, l.settore, l.settore_name, l.pdc,
      (select name from ref_piano_conti r where r.version = ${pdcVersion} and r.code = left(l.pdc, 12)) as pdc_name,
      l.missione, l.programma,
      (select name from ref_budget_programme r where r.version = ${missioniVersion}
        and r.missione = l.missione and r.programma = l.programma) as programma_name,
      l.vincolo, l.first_line, l.forecast_cents, l.prior_forecast_cents, l.prior_actual_cents
    from budget_line l
    where ${whereLines(ambitoId, documentId, f)}
    order by l.seq limit ${limit}`.execute(db);
  return rows;
}

export async function countLines(db: Db, ambitoId: number, documentId: number, f: AnalysisFilters) {
  const { rows } = await sql<{ n: string; forecast: string; prior_forecast: string; prior_actual: string }>`
    select count(*) as n, coalesce(sum(l.forecast_cents), 0) as forecast,
      coalesce(sum(l.prior_forecast_cents), 0) as prior_forecast, coalesce(sum(l.prior_actual_cents), 0) as prior_actual
    from budget_line l where ${whereLines(ambitoId, documentId, f)}`.execute(db);
  return rows[0] as { n: string; forecast: string; prior_forecast: string; prior_actual: string };
}

export interface CoverageRow {
  settore: string;
  label: string | null;
  [column: string]: string | null;
}

/** Per settore: revenue and spending, all and restricted (V), for the three amount columns. */
export async function coverageSums(db: Db, ambitoId: number, documentId: number, part: "corrente" | "capitale") {
  const [rev, exp] = part === "corrente" ? ["1.A", "1.B"] : ["2.A", "2.B"];
  const cols = { f: sql.ref("forecast_cents"), pf: sql.ref("prior_forecast_cents"), pa: sql.ref("prior_actual_cents") };
  const sums = Object.entries(cols).flatMap(([k, c]) => [
    sql`coalesce(sum(${c}) filter (where section = ${rev}), 0) as ${sql.ref(`rev_${k}`)}`,
    sql`coalesce(sum(${c}) filter (where section = ${exp}), 0) as ${sql.ref(`exp_${k}`)}`,
    sql`coalesce(sum(${c}) filter (where section = ${rev} and vincolo), 0) as ${sql.ref(`vrev_${k}`)}`,
    sql`coalesce(sum(${c}) filter (where section = ${exp} and vincolo), 0) as ${sql.ref(`vexp_${k}`)}`,
  ]);
  const { rows } = await sql<CoverageRow>`
    select settore, max(settore_name) as label, ${sql.join(sums)}
    from budget_line
    where ambito_id = ${ambitoId} and document_id = ${documentId} and section in (${rev}, ${exp})
    group by settore order by settore`.execute(db);
  return rows;
}

export interface CompareRow {
  status: "new" | "discontinued" | "unplanned";
  section: string;
  capitolo: number;
  articolo: number;
  sub: number;
  settore: string;
  description: string;
  forecast: string;
  other: string;
  prior_actual: string;
}

const KEY = sql`section, capitolo, articolo, sub`;
function keyed(ambitoId: number, documentId: number, sections: readonly string[]) {
  return sql`select ${KEY}, max(settore) as settore, max(description) as description,
      sum(forecast_cents) as forecast, sum(prior_forecast_cents) as prior_forecast,
      sum(prior_actual_cents) as prior_actual
    from budget_line where ambito_id = ${ambitoId} and document_id = ${documentId}
      and section in (${sql.join([...sections])}) group by ${KEY}`;
}

/**
 * New, discontinued and unplanned lines by PEG key (capitolo/articolo/sub within a section).
 * With another document: new = only here, discontinued = only there. Within one document: new = a
 * forecast where last year had neither forecast nor actual; discontinued = no forecast where last
 * year had one. Unplanned, always: last year's actual spent or collected without a forecast.
 */
export function classifyQuery(
  ambitoId: number,
  documentId: number,
  side: "entrate" | "spese",
  withDocumentId: number | null,
) {
  const sections = SIDE_SECTIONS[side];
  const a = keyed(ambitoId, documentId, sections);
  const joined = withDocumentId
    ? sql`select coalesce(a.section, b.section) as section, coalesce(a.capitolo, b.capitolo) as capitolo,
          coalesce(a.articolo, b.articolo) as articolo, coalesce(a.sub, b.sub) as sub,
          coalesce(a.settore, b.settore) as settore, coalesce(a.description, b.description) as description,
          coalesce(a.forecast, 0) as forecast, coalesce(b.forecast, 0) as other,
          coalesce(a.prior_forecast, 0) as prior_forecast, coalesce(a.prior_actual, 0) as prior_actual,
          case when b.capitolo is null then 'new' when a.capitolo is null then 'discontinued' end as status
        from (${a}) a full outer join (${keyed(ambitoId, withDocumentId, sections)}) b
          on a.section = b.section and a.capitolo = b.capitolo and a.articolo = b.articolo and a.sub = b.sub`
    : sql`select a.*, a.prior_forecast as other,
          case when a.forecast > 0 and a.prior_forecast = 0 and a.prior_actual = 0 then 'new'
               when a.forecast = 0 and a.prior_forecast > 0 then 'discontinued' end as status
        from (${a}) a`;
  // A line can be both new/discontinued and unplanned: it is listed once per status.
  return sql`
    with c as (${joined})
    select status, section, capitolo, articolo, sub, settore, description, forecast, other, prior_actual
      from c where status is not null
    union all
    select 'unplanned', section, capitolo, articolo, sub, settore, description, forecast, other, prior_actual
      from c where prior_actual > 0 and prior_forecast = 0 and status is distinct from 'discontinued'`;
}

/** Forecast per settore in two documents (or forecast vs prior forecast within one). */
export async function settoreSideBySide(
  db: Db,
  ambitoId: number,
  documentId: number,
  side: "entrate" | "spese",
  withDocumentId: number | null,
) {
  const sections = [...SIDE_SECTIONS[side]];
  const other = withDocumentId
    ? sql`sum(forecast_cents) filter (where document_id = ${withDocumentId})`
    : sql`sum(prior_forecast_cents) filter (where document_id = ${documentId})`;
  const { rows } = await sql<{ settore: string; label: string | null; forecast: string | null; other: string | null }>`
    select settore, max(settore_name) as label, sum(forecast_cents) filter (where document_id = ${documentId}) as forecast,
      ${other} as other
    from budget_line
    where ambito_id = ${ambitoId} and document_id in (${documentId}, ${withDocumentId ?? documentId})
      and section in (${sql.join(sections)})
    group by settore order by settore`.execute(db);
  return rows;
}

export async function classifiedLines(db: Db, q: RawBuilder<unknown>, limit: number) {
  const { rows } = await sql<CompareRow>`select * from (${q}) x
    order by status, section, capitolo, articolo, sub limit ${limit}`.execute(db);
  return rows;
}

export async function classifiedSummary(db: Db, q: RawBuilder<unknown>) {
  const { rows } = await sql<{
    status: CompareRow["status"];
    n: string;
    forecast: string;
    other: string;
    prior_actual: string;
  }>`
    select status, count(*) as n, sum(forecast) as forecast, sum(other) as other, sum(prior_actual) as prior_actual
    from (${q}) x group by status order by status`.execute(db);
  return rows;
}
