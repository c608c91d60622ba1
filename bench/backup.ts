/**
 * Backup/restore benchmark: N people and N audit events in a PGlite database (and in PostgreSQL
 * when DATABASE_URL is set: in a scratch database of its own, never the one named by the URL),
 * then times checksum, backup and restore into a fresh database, and checks the copy is identical.
 *
 *   node --import tsx bench/backup.ts [N=50000]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { backupDatabase, checksumDatabase, restoreDatabase } from "../src/server/db/backup.ts";
import { type Db, type OpenedDatabase, openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { eventHash } from "../src/server/platform/audit/audit.hash.ts";
import { seedDemo } from "../src/server/seed/demo.ts";

const N = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 50_000);
const BATCH = 1000; // rows per INSERT: 16 columns × 1000 stays far below PGlite's bind-parameter limit
const work = mkdtempSync(join(tmpdir(), "filiera-bench-backup-"));

async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/** A fresh, empty database: a PGlite directory, or a scratch PostgreSQL database dropped on close. */
async function fresh(kind: "pglite" | "postgres", label: string): Promise<OpenedDatabase> {
  if (kind === "pglite") return openDatabase({ kind: "pglite", dir: join(work, label) });
  const name = `filiera_bench_${label}_${randomBytes(4).toString("hex")}`;
  await pgAdmin(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ kind: "postgres", url: url.toString() });
  return { ...opened, close: () => opened.close().then(() => pgAdmin(`drop database if exists ${name} with (force)`)) };
}

async function generate(db: Db): Promise<void> {
  await migrateToLatest(db);
  await seedDemo(db, { password: "bench-password-2026", scryptLogN: 10 });
  const ambito = await db
    .selectFrom("ambito")
    .select("id")
    .where("slug", "=", "visconteo-sud-milano")
    .executeTakeFirstOrThrow();
  const comuni = (
    await db.selectFrom("ambito_comune").select("comune_istat").where("ambito_id", "=", ambito.id).execute()
  ).map((c) => c.comune_istat);
  const user = await db
    .selectFrom("app_user")
    .select("id")
    .where("username", "=", "as.rozzano")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < N; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + BATCH); j++) {
      rows.push({
        ambito_id: ambito.id,
        comune_istat: comuni[j % comuni.length] as string,
        fiscal_code: `BNC${String(j).padStart(13, "0")}`,
        family_name: `Cognome${j}`,
        given_name: `Nome${j}`,
        sex: (j % 2 ? "F" : "M") as "F" | "M",
        birth_date: `19${String(40 + (j % 60)).padStart(2, "0")}-0${1 + (j % 9)}-1${j % 10}`,
        citizenship: "Italiana",
        created_by: user.id,
      });
    }
    await db.insertInto("person").values(rows).execute();
  }
  // Audit events extend the Ambito's real chain, hashed as recordAudit would, so it stays verifiable.
  const head = await db
    .selectFrom("audit_chain")
    .select(["last_seq", "last_hash"])
    .where("chain_id", "=", ambito.id)
    .executeTakeFirstOrThrow();
  let { last_seq: seq, last_hash: prev } = head;
  for (let i = 0; i < N; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + BATCH); j++) {
      const fields = {
        chain_id: ambito.id,
        seq: ++seq,
        ambito_id: ambito.id,
        at: new Date(Date.UTC(2026, 0, 1) + j * 1000),
        actor_user_id: user.id,
        actor_kind: "user",
        action: "person.read",
        entity_type: "person",
        entity_id: `bench-${j}`,
        comune_istat: comuni[j % comuni.length] as string,
        purpose: "presa in carico",
        outcome: "ok" as const,
        ip: "127.0.0.1",
        details: { page: j % 7, bench: true },
      };
      const hash = eventHash(prev, fields);
      rows.push({ ...fields, details: JSON.stringify(fields.details), prev_hash: prev, hash });
      prev = hash;
    }
    await db.insertInto("audit_event").values(rows).execute();
  }
  await db
    .updateTable("audit_chain")
    .set({ last_seq: seq, last_hash: prev })
    .where("chain_id", "=", ambito.id)
    .execute();
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;

async function run(kind: "pglite" | "postgres"): Promise<void> {
  console.log(`\n${kind} — ${N.toLocaleString("en")} people + ${N.toLocaleString("en")} audit events`);
  const source = await fresh(kind, "source");
  const target = await fresh(kind, "target");
  try {
    const [, genMs] = await timed(() => generate(source.db));
    console.log(`  generate:  ${(genMs / 1000).toFixed(1)} s`);
    const [sums, sumMs] = await timed(() => checksumDatabase(source.db));
    const rows = sums.reduce((n, t) => n + t.rows, 0);
    console.log(
      `  checksum:  ${(sumMs / 1000).toFixed(2)} s  ${rate(rows, sumMs)}  (${rows.toLocaleString("en")} rows, all tables)`,
    );
    const file = join(work, `${kind}.jsonl.gz`);
    const [backup, backupMs] = await timed(() => backupDatabase(source.db, file));
    console.log(
      `  backup:    ${(backupMs / 1000).toFixed(2)} s  ${rate(rows, backupMs)}  file ${(backup.bytes / 1024 / 1024).toFixed(1)} MB` +
        ` (${(backup.bytes / rows).toFixed(0)} B/row)`,
    );
    const [, restoreMs] = await timed(() => restoreDatabase(target.db, file));
    console.log(
      `  restore:   ${(restoreMs / 1000).toFixed(2)} s  ${rate(rows, restoreMs)}  (file check + load + re-checksum)`,
    );
    const same = JSON.stringify(await checksumDatabase(target.db)) === JSON.stringify(sums);
    console.log(`  identical: ${same ? "yes" : "NO"}`);
    if (!same) process.exitCode = 1;
  } finally {
    await source.close();
    await target.close();
  }
}

try {
  await run("pglite");
  if (process.env.DATABASE_URL) await run("postgres");
} finally {
  rmSync(work, { recursive: true, force: true });
}
