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
  /** null on the total row. */
  key: string | null;
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
  // One scan: the rows and, as the empty grouping set, the total (key null).
  const { rows } = await sql<SumRow>`
    with g as (
      select x.key, max(x.settore_name) as settore_name, count(*) as lines, sum(x.forecast_cents) as forecast,
        sum(x.prior_forecast_cents) as prior_forecast, sum(x.prior_actual_cents) as prior_actual
      from (
        select ${axisKey(axis, level)} as key, l.settore_name, l.forecast_cents, l.prior_forecast_cents,
          l.prior_actual_cents
        from budget_line l
        where ${whereLines(ambitoId, documentId, f)}
      ) x
      group by grouping sets ((x.key), ())
    )
    select g.key, case when g.key is null then null else ${axisLabel(axis, prefix)} end as label, g.lines,
      g.forecast, g.prior_forecast, g.prior_actual
    from g order by g.key nulls first limit ${limit + 1}`.execute(db);
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
  const lines = (id: number) =>
    sql`select * from budget_line where ambito_id = ${ambitoId} and document_id = ${id}
      and section in (${sql.join([...sections])})`;
  // One scan of both documents grouped by PEG key (cheaper than a full outer join of two big sets).
  const classified = withDocumentId
    ? sql`select section, capitolo, articolo, sub, max(settore) as settore, max(description) as description,
          coalesce(sum(forecast_cents) filter (where document_id = ${documentId}), 0) as forecast,
          coalesce(sum(forecast_cents) filter (where document_id = ${withDocumentId}), 0) as other,
          coalesce(sum(prior_actual_cents) filter (where document_id = ${documentId}), 0) as prior_actual,
          case when count(*) filter (where document_id = ${withDocumentId}) = 0 then 'new'
               when count(*) filter (where document_id = ${documentId}) = 0 then 'discontinued'
               when sum(prior_actual_cents) filter (where document_id = ${documentId}) > 0
                and sum(prior_forecast_cents) filter (where document_id = ${documentId}) = 0 then 'unplanned' end as status
        from budget_line
        where ambito_id = ${ambitoId} and document_id in (${documentId}, ${withDocumentId})
          and section in (${sql.join([...sections])})
        group by section, capitolo, articolo, sub`
    : sql`select section, capitolo, articolo, sub, settore, description, forecast_cents as forecast,
          prior_forecast_cents as other, prior_actual_cents as prior_actual,
          case when forecast_cents > 0 and prior_forecast_cents = 0 and prior_actual_cents = 0 then 'new'
               when forecast_cents = 0 and prior_forecast_cents > 0 then 'discontinued'
               when prior_actual_cents > 0 and prior_forecast_cents = 0 then 'unplanned' end as status
        from (${lines(documentId)}) a`;
  return sql`select * from (${classified}) c where status is not null`;
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
