import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql } from "kysely";
import {
  type BackupHeader,
  checkCompatible,
  FORMAT,
  type Progress,
  type ProgressOptions,
  readHeader,
  readSections,
  VERSION,
  verifyBackupFile,
} from "./backup-file.ts";
import { LineReader } from "./backup-io.ts";
import {
  canonicalSession,
  countRows,
  describeSequences,
  describeTables,
  diffChecksums,
  ident,
  RowHasher,
  readRows,
  sequenceState,
  type TableChecksum,
  type TableInfo,
} from "./backup-schema.ts";
import { inOuterTransaction } from "./backup-tx.ts";
import type { Db } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

/**
 * Logical backup and restore that work alike on PGlite and PostgreSQL (no pg_dump: PGlite has
 * none, and a backup must move between the two). File: gzip'd JSON lines — a header, then each
 * table's rows as PostgreSQL's own row_to_json text in primary-key order (types round-trip exactly
 * through json_populate_recordset), then a footer with each table's row count and sha256.
 */

export { type BackupHeader, type Progress, type ProgressOptions, verifyBackupFile } from "./backup-file.ts";
export { BackupFileError } from "./backup-io.ts";
export type { TableChecksum } from "./backup-schema.ts";

export interface BackupSummary {
  file: string;
  bytes: number;
  rows: number;
  tables: TableChecksum[];
  durationMs: number;
}

/** Runs fn in one consistent snapshot (repeatable read), unless db already is a transaction. */
function snapshot<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(fn);
}

export async function backupDatabase(db: Db, outFile: string, options: ProgressOptions = {}): Promise<BackupSummary> {
  const started = Date.now();
  await mkdir(dirname(outFile), { recursive: true });
  // Written beside the target and renamed at the end, so a failed backup never looks like a good one.
  const partial = `${outFile}.partial`;
  try {
    const tables = await snapshot(db, async (trx) => {
      await canonicalSession(trx);
      const infos = await describeTables(trx);
      if (!infos.some((t) => t.name === "kysely_migration")) throw new Error("the database has never been migrated");
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
      const counted: BackupHeader["tables"] = [];
      for (const t of infos) counted.push({ name: t.name, columns: t.columns, rows: await countRows(trx, t.name) });
      const sequences: BackupHeader["sequences"] = [];
      for (const s of await describeSequences(trx)) sequences.push({ ...s, ...(await sequenceState(trx, s.name)) });
      const version = await sql<{ v: string }>`select version() as v`.execute(trx);
      const header: BackupHeader = {
        format: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        server: version.rows[0]?.v ?? "",
        migrations: migrations.rows.map((r) => r.name),
        tables: counted,
        sequences,
      };
      const total = counted.reduce((n, t) => n + t.rows, 0);
      const checksums: TableChecksum[] = [];
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        let done = 0;
        for (const [i, t] of infos.entries()) {
          const hasher = new RowHasher();
          for await (const batch of readRows(trx, t)) {
            hasher.add(batch);
            done += batch.length;
            options.onProgress?.({ phase: "backup", table: t.name, done, total });
            yield `${batch.join("\n")}\n`;
          }
          const expected = counted[i]?.rows;
          if (hasher.rows !== expected)
            throw new Error(`table ${t.name} changed during backup (${expected} rows counted)`);
          checksums.push(hasher.digest(t.name));
        }
        yield `${JSON.stringify({ end: FORMAT, tables: checksums })}\n`;
      }
      await pipeline(lines(), createGzip(), createWriteStream(partial));
      return checksums;
    });
    await rename(partial, outFile);
    return {
      file: outFile,
      bytes: (await stat(outFile)).size,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      tables,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export interface RestoreSummary {
  file: string;
  backupCreatedAt: string;
  migrations: string[];
  rows: number;
  tables: TableChecksum[];
  durationMs: number;
}

function checkSameSchema(header: BackupHeader, live: TableInfo[]): void {
  const liveByName = new Map(live.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const t of header.tables) {
    const l = liveByName.get(t.name);
    if (!l) problems.push(`table ${t.name} does not exist`);
    else if (l.columns.join() !== t.columns.join()) problems.push(`table ${t.name} has different columns`);
    liveByName.delete(t.name);
  }
  for (const name of liveByName.keys()) problems.push(`table ${name} is not in the backup`);
  if (problems.length) throw new Error(`the backup does not match this version's schema: ${problems.join("; ")}`);
}

/**
 * Replaces the whole database with a backup. First checks the file end to end; then, in ONE
 * transaction (PGlite and PostgreSQL both have transactional DDL): drops schema public, migrates,
 * empties what migrations seeded, inserts every table, restores sequences and re-checksums the
 * database against the footer. Any failure rolls back and leaves the database as it was.
 */
export async function restoreDatabase(db: Db, inFile: string, options: ProgressOptions = {}): Promise<RestoreSummary> {
  const started = Date.now();
  const { header } = await verifyBackupFile(inFile, options);
  checkCompatible(header, inFile);
  const reader = new LineReader(inFile);
  try {
    await readHeader(reader);
    const tables = await inOuterTransaction(db, async (tx) => {
      await sql`drop schema if exists public cascade`.execute(tx);
      await sql`create schema public`.execute(tx);
      await sql`grant usage on schema public to public`.execute(tx);
      await migrateToLatest(tx);
      await canonicalSession(tx);
      const live = await describeTables(tx);
      checkSameSchema(header, live);
      // Reference rows that migrations seeded come back from the backup; children first for the FKs.
      // audit_event forbids DELETE, but it is empty right after migrating, so no trigger fires.
      for (const t of [...live].reverse()) await sql`delete from ${sql.raw(`public.${ident(t.name)}`)}`.execute(tx);
      const byName = new Map(live.map((t) => [t.name, t]));
      const footer = await readSections(reader, header, "restore", options, async (table, lines) => {
        const target = sql.raw(`public.${ident(table)}`);
        const cols = sql.raw((byName.get(table)?.insertable ?? []).map(ident).join(", "));
        const json = `[${lines.join(",")}]`;
        await sql`insert into ${target} (${cols}) overriding system value
          select ${cols} from json_populate_recordset(null::${target}, ${json}::json)`
          .execute(tx)
          .catch((error: Error) => {
            throw new Error(`restoring table ${table} failed: ${error.message}`, { cause: error });
          });
      });
      await restoreSequences(tx, header.sequences);
      const total = footer.reduce((n, t) => n + t.rows, 0);
      const actual = await checksumTables(tx, live, { ...options, phase: "verify", total });
      const problems = diffChecksums(footer, actual);
      if (problems.length) throw new Error(`the restored data does not match the backup: ${problems.join("; ")}`);
      return actual;
    });
    return {
      file: inFile,
      backupCreatedAt: header.createdAt,
      migrations: header.migrations,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      tables,
      durationMs: Date.now() - started,
    };
  } finally {
    reader.close();
  }
}

/**
 * Puts each serial/identity sequence back where it was in the source, and never below the
 * column's max, so the next insert gets a fresh id.
 */
async function restoreSequences(tx: Db, saved: BackupHeader["sequences"]): Promise<void> {
  const byColumn = new Map(saved.map((s) => [`${s.table}.${s.column}`, s]));
  for (const s of await describeSequences(tx)) {
    const r = await sql<{ max: number | null }>`
      select max(${sql.raw(ident(s.column))}) as max from ${sql.raw(`public.${ident(s.table)}`)}`.execute(tx);
    const max = r.rows[0]?.max === null || r.rows[0]?.max === undefined ? 0 : Number(r.rows[0].max);
    const old = byColumn.get(`${s.table}.${s.column}`);
    const [value, called] = old && old.lastValue >= max ? [old.lastValue, old.isCalled] : [max, true];
    if (value < 1) continue;
    await sql`select setval(${`public.${ident(s.name)}`}::text::regclass, ${value}, ${called})`.execute(tx);
  }
}

async function checksumTables(
  trx: Db,
  tables: TableInfo[],
  { phase, total, onProgress }: ProgressOptions & { phase: Progress["phase"]; total: number },
): Promise<TableChecksum[]> {
  const out: TableChecksum[] = [];
  let done = 0;
  for (const t of tables) {
    const hasher = new RowHasher();
    for await (const batch of readRows(trx, t)) {
      hasher.add(batch);
      done += batch.length;
      onProgress?.({ phase, table: t.name, done, total });
    }
    out.push(hasher.digest(t.name));
  }
  return out;
}

/** Per-table row counts and sha256 of the canonical content, in primary-key order, in one snapshot. */
export async function checksumDatabase(db: Db, options: ProgressOptions = {}): Promise<TableChecksum[]> {
  return snapshot(db, async (trx) => {
    await canonicalSession(trx);
    return checksumTables(trx, await describeTables(trx), { ...options, phase: "verify", total: 0 });
  });
}

export { diffChecksums as compareChecksums };
