import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "./database.ts";

/** Introspection and canonical row reading shared by backup, restore and checksums. */

export interface TableInfo {
  name: string;
  /** All columns in attnum order: row_to_json emits them in this order, so it is part of the checksum. */
  columns: string[];
  /** Columns a restore writes (generated columns are recomputed by the server). */
  insertable: string[];
  /** ORDER BY clause: primary key, with COLLATE "C" on text so both engines sort alike whatever their locale. */
  orderBy: string;
}

export interface SequenceInfo {
  name: string;
  table: string;
  column: string;
}

export interface TableChecksum {
  name: string;
  rows: number;
  sha256: string;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const ROW_ALIAS = "filiera_row";

/**
 * Output settings that make row_to_json text identical on PGlite and PostgreSQL: timestamps in UTC,
 * hex bytea, the default interval and float formats. SET LOCAL: only for the current transaction.
 */
export async function canonicalSession(trx: Db): Promise<void> {
  await sql`select set_config('TimeZone', 'UTC', true), set_config('bytea_output', 'hex', true),
    set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '1', true)`.execute(trx);
}

/** Tables of schema public in foreign-key dependency order (parents first). */
export async function describeTables(db: Db): Promise<TableInfo[]> {
  const cols = await sql<{ tbl: string; col: string; generated: boolean; collatable: boolean; pk: number | null }>`
    select c.relname as tbl, a.attname as col, a.attgenerated <> '' as generated, a.attcollation <> 0 as collatable,
      array_position(i.indkey::int2[], a.attnum) as pk
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname, a.attnum`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and c.relnamespace = 'public'::regnamespace and p.relnamespace = 'public'::regnamespace`.execute(
    db,
  );

  const byName = new Map<
    string,
    { columns: string[]; insertable: string[]; pk: { col: string; pos: number; c: boolean }[] }
  >();
  for (const r of cols.rows) {
    const t = byName.get(r.tbl) ?? { columns: [], insertable: [], pk: [] };
    byName.set(r.tbl, t);
    t.columns.push(r.col);
    if (!r.generated) t.insertable.push(r.col);
    if (r.pk !== null) t.pk.push({ col: r.col, pos: r.pk, c: r.collatable });
  }
  const infos = new Map<string, TableInfo>();
  for (const [name, t] of byName) {
    const pk = t.pk.sort((a, b) => a.pos - b.pos).map((k) => `${ident(k.col)}${k.c ? ' collate "C"' : ""}`);
    // No primary key: order by the row's own JSON, which is deterministic though not indexed.
    const orderBy = pk.length ? pk.join(", ") : `row_to_json(${ROW_ALIAS})::text collate "C"`;
    infos.set(name, { name, columns: t.columns, insertable: t.insertable, orderBy });
  }
  return topologicalOrder(infos, fks.rows);
}

/** Kahn's algorithm, alphabetical among ready tables so the order is stable. Self-references are ignored. */
function topologicalOrder(tables: Map<string, TableInfo>, edges: { child: string; parent: string }[]): TableInfo[] {
  const parents = new Map<string, Set<string>>([...tables.keys()].map((n) => [n, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const out: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < tables.size) {
    const ready = [...parents].filter(([n, ps]) => !done.has(n) && [...ps].every((p) => done.has(p))).map(([n]) => n);
    if (!ready.length) {
      const left = [...tables.keys()].filter((n) => !done.has(n));
      throw new Error(`foreign keys form a cycle among tables ${left.join(", ")}: backup cannot order them`);
    }
    for (const n of ready.sort()) {
      done.add(n);
      out.push(tables.get(n) as TableInfo);
    }
  }
  return out;
}

/** Sequences owned by a serial or identity column of schema public. */
export async function describeSequences(db: Db): Promise<SequenceInfo[]> {
  const r = await sql<SequenceInfo>`
    select s.relname as name, t.relname as "table", a.attname as "column"
    from pg_depend d
    join pg_class s on s.oid = d.objid and s.relkind = 'S'
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      and s.relnamespace = 'public'::regnamespace
    order by s.relname`.execute(db);
  return r.rows;
}

export async function sequenceState(db: Db, seq: string): Promise<{ lastValue: number; isCalled: boolean }> {
  const r = await sql<{ last_value: number; is_called: boolean }>`
    select last_value, is_called from ${sql.raw(`public.${ident(seq)}`)}`.execute(db);
  const row = r.rows[0];
  return { lastValue: Number(row?.last_value ?? 0), isCalled: Boolean(row?.is_called) };
}

export async function countRows(db: Db, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.raw(`public.${ident(table)}`)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

let cursorCounter = 0;

/**
 * A table's rows as canonical JSON text, in primary-key order, in batches. A server-side cursor
 * (inside the caller's transaction) pages through one sorted scan: never the whole table in memory,
 * and no re-sort per page as keyset paging would need for COLLATE "C" keys on a non-C database.
 */
export async function* readRows(trx: Db, t: TableInfo, batch = 2000): AsyncGenerator<string[]> {
  const cursor = `filiera_backup_${++cursorCounter}`;
  await sql
    .raw(
      `declare ${cursor} no scroll cursor for select row_to_json(${ROW_ALIAS})::text as j
       from public.${ident(t.name)} ${ROW_ALIAS} order by ${t.orderBy}`,
    )
    .execute(trx);
  for (;;) {
    const page = await sql.raw<{ j: string }>(`fetch forward ${batch} from ${cursor}`).execute(trx);
    if (page.rows.length) yield page.rows.map((r) => r.j);
    if (page.rows.length < batch) break;
  }
  // Closed only on success: after an error the transaction is aborted and ends anyway.
  await sql.raw(`close ${cursor}`).execute(trx);
}

/** Hashes a table's canonical row stream: each row's JSON text followed by a newline, as in the file. */
export class RowHasher {
  private readonly hash = createHash("sha256");
  rows = 0;
  add(lines: string[]): void {
    for (const line of lines) this.hash.update(`${line}\n`);
    this.rows += lines.length;
  }
  digest(name: string): TableChecksum {
    return { name, rows: this.rows, sha256: this.hash.digest("hex") };
  }
}

/** Per-table differences between two checksum lists; empty when they are equal. */
export function diffChecksums(expected: TableChecksum[], actual: TableChecksum[]): string[] {
  const got = new Map(actual.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const e of expected) {
    const a = got.get(e.name);
    if (!a) problems.push(`table ${e.name} is missing`);
    else if (a.rows !== e.rows) problems.push(`table ${e.name}: ${a.rows} rows, expected ${e.rows}`);
    else if (a.sha256 !== e.sha256) problems.push(`table ${e.name}: content checksum differs`);
    got.delete(e.name);
  }
  for (const name of got.keys()) problems.push(`unexpected table ${name}`);
  return problems;
}
