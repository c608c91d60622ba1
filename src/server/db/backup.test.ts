import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usingPostgres } from "../../../test/helpers/db.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../test/helpers/factories.ts";
import { PLATFORM_CHAIN, recordAudit, verifyChain } from "../platform/audit/audit.service.ts";
import { backupDatabase, checksumDatabase, restoreDatabase } from "./backup.ts";
import { RowHasher, type TableChecksum } from "./backup-schema.ts";
import { type OpenedDatabase, openDatabase } from "./database.ts";
import { migrateToLatest, migrationNames } from "./migrate.ts";

/**
 * Restore wipes schema public, so every database here is private to this file: PGlite instances in
 * memory, or databases of their own on the PostgreSQL server (the shared `test` one is untouched).
 */
const created: OpenedDatabase[] = [];
const adminUrl = process.env.DATABASE_URL;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshDatabase(kind: "pglite" | "postgres" = usingPostgres() ? "postgres" : "pglite") {
  let opened: OpenedDatabase;
  if (kind === "pglite") opened = await openDatabase({ kind: "pglite", dir: ":memory:" });
  else {
    const name = `filiera_backup_${randomBytes(5).toString("hex")}`;
    await admin(`create database ${name}`);
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    const inner = await openDatabase({ kind: "postgres", url: url.toString() });
    opened = { ...inner, close: () => inner.close().then(() => admin(`drop database if exists ${name} with (force)`)) };
  }
  created.push(opened);
  return opened.db;
}

const dir = mkdtempSync(join(tmpdir(), "filiera-backup-test-"));
const file = join(dir, "source.jsonl.gz");
/** PGlite takes seconds to start, so two databases serve every test: a source and a restore target. */
let source: Awaited<ReturnType<typeof freshDatabase>>;
let target: Awaited<ReturnType<typeof freshDatabase>>;
let ambito: TestAmbito;
let before: TableChecksum[];

beforeAll(async () => {
  [source, target] = await Promise.all([freshDatabase(), freshDatabase()]);
  await migrateToLatest(source);
  ambito = await createTestAmbito(source);
  const worker = await createTestUser(source, [
    { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano, teamId: ambito.teamId },
  ]);
  await createTestUser(source, [{ role: "system_admin" }], "admin");
  const person = await source
    .insertInto("person")
    .values({
      ambito_id: ambito.id,
      comune_istat: ambito.comuni.rozzano,
      fiscal_code: "RSSMRA80A01H501U",
      family_name: "Rossi",
      given_name: "Mario «Marietto» 🙂",
      sex: "M",
      birth_date: "1980-01-01",
      created_by: worker.id,
      // Microseconds and a DST boundary: must survive the round trip exactly.
      created_at: "2024-03-31T01:59:59.123456+01:00",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // numeric keeps its exact text (scale, digits beyond float precision) through JSON.
  const dataset = await sql<{ id: number }>`insert into obs_dataset (ambito_id, name, kind, source)
    values (${ambito.id}, 'prova', 'generic', 'test') returning id`.execute(source);
  for (const [series, value] of [
    ["utenti", "12.50"],
    ["spesa", "12345678901234567890.123456789"],
  ]) {
    await sql`insert into obs_count (ambito_id, territory, year, series, value, dataset_id)
      values (${ambito.id}, 'AMBITO', 2024, ${series}, ${value}::numeric, ${dataset.rows[0]?.id})`.execute(source);
  }
  for (const action of ["person.create", "person.read", "person.update"]) {
    await recordAudit(source, {
      ambitoId: ambito.id,
      actorUserId: worker.id,
      actorKind: "user",
      action,
      entityType: "person",
      entityId: person.id,
      purpose: "presa in carico",
      details: { zeta: 1, alpha: "x", ok: true },
    });
  }
  await recordAudit(source, {
    ambitoId: null,
    actorUserId: null,
    actorKind: "cli",
    action: "user.create",
    entityType: "user",
  });
  before = await checksumDatabase(source);
  const summary = await backupDatabase(source, file);
  expect(summary.tables).toEqual(before);
});

afterAll(async () => {
  for (const o of created) await o.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rewrites a backup's lines and, if asked, recomputes counts and checksums so only `edit` is wrong. */
function rewrite(name: string, edit: (lines: string[]) => string[], recompute = false): string {
  let lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
  lines = edit(lines);
  if (recompute) {
    const header = JSON.parse(lines[0] as string);
    const body = lines.slice(1, -1);
    const footer = { end: "filiera-backup", tables: [] as TableChecksum[] };
    let at = 0;
    for (const t of header.tables) {
      const rows = body.slice(at, at + t.rows);
      at += t.rows;
      const h = new RowHasher();
      h.add(rows);
      footer.tables.push(h.digest(t.name));
    }
    lines = [lines[0] as string, ...body, JSON.stringify(footer)];
  }
  const out = join(dir, name);
  writeFileSync(out, gzipSync(`${lines.join("\n")}\n`));
  return out;
}

describe("backup and restore", () => {
  it("writes a header, the rows of every table in dependency order, and a footer", () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const header = JSON.parse(lines[0] as string);
    expect(header).toMatchObject({
      format: "filiera-backup",
      version: 1,
      migrations: migrationNames,
    });
    const order = header.tables.map((t: { name: string }) => t.name);
    expect(order).toContain("kysely_migration");
    for (const [child, parent] of [
      ["comune", "region"],
      ["person", "ambito_comune"],
      ["audit_event", "ambito"],
    ]) {
      expect(order.indexOf(child)).toBeGreaterThan(order.indexOf(parent));
    }
    const footer = JSON.parse(lines.at(-1) as string);
    expect(footer.tables).toEqual(before);
    expect(lines.some((l) => l.includes("2024-03-31T00:59:59.123456+00:00"))).toBe(true);
    expect(lines.some((l) => l.includes('"value":12345678901234567890.123456789'))).toBe(true);
  });

  it("restores into a fresh database with identical content, a valid audit chain and working sequences", async () => {
    const summary = await restoreDatabase(target, file);
    expect(summary.tables).toEqual(before);
    expect(await checksumDatabase(target)).toEqual(before);
    expect((await verifyChain(target, ambito.id)).ok).toBe(true);
    expect((await verifyChain(target, ambito.id)).events).toBe(3);
    expect((await verifyChain(target, PLATFORM_CHAIN)).ok).toBe(true);
    const values = await sql<{ v: string }>`select value::text as v from obs_count order by value`.execute(target);
    expect(values.rows.map((r) => r.v)).toEqual(["12.50", "12345678901234567890.123456789"]);

    const maxUser = await target
      .selectFrom("app_user")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    const user = await createTestUser(target, [{ role: "udp_manager", ambitoId: ambito.id }]);
    expect(user.id).toBeGreaterThan(Number(maxUser.m));
    const other = await createTestAmbito(target);
    expect(other.id).toBeGreaterThan(ambito.id);
    await recordAudit(target, {
      ambitoId: ambito.id,
      actorUserId: user.id,
      actorKind: "user",
      action: "x",
      entityType: "y",
    });
    expect(await verifyChain(target, ambito.id)).toMatchObject({ ok: true, events: 4 });
  });

  it("restores over the same database, discarding what changed since the backup", async () => {
    const later = await createTestUser(source, []);
    await recordAudit(source, {
      ambitoId: null,
      actorUserId: later.id,
      actorKind: "user",
      action: "z",
      entityType: "user",
    });
    expect(await checksumDatabase(source)).not.toEqual(before);
    await restoreDatabase(source, file);
    expect(await checksumDatabase(source)).toEqual(before);
    const gone = await source.selectFrom("app_user").select("id").where("username", "=", later.username).execute();
    expect(gone).toHaveLength(0);
    expect((await verifyChain(source, PLATFORM_CHAIN)).ok).toBe(true);
  });

  it("refuses a truncated file and leaves the database unchanged", async () => {
    const unchanged = await checksumDatabase(target);
    const bytes = readFileSync(file);
    const truncated = join(dir, "truncated.jsonl.gz");
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreDatabase(target, truncated)).rejects.toThrow(/truncated or corrupt/);
    expect(await checksumDatabase(target)).toEqual(unchanged);
  });

  it("refuses a file whose rows were altered (checksum) and one that is not gzip", async () => {
    const unchanged = await checksumDatabase(target);
    const altered = rewrite("altered.jsonl.gz", (lines) => lines.map((l) => l.replace('"Rossi"', '"Bianchi"')));
    await expect(restoreDatabase(target, altered)).rejects.toThrow(/corrupt: table person: content checksum differs/);
    const plain = join(dir, "plain.jsonl");
    writeFileSync(plain, "{}\n");
    await expect(restoreDatabase(target, plain)).rejects.toThrow(/not a gzip file/);
    expect(await checksumDatabase(target)).toEqual(unchanged);
  });

  it("rolls back everything, schema wipe included, when a row fails to insert", async () => {
    const unchanged = await checksumDatabase(target);
    // A duplicated Comune with consistent counts and checksums: only the primary key catches it.
    const duplicate = rewrite(
      "duplicate.jsonl.gz",
      (lines) => {
        const header = JSON.parse(lines[0] as string);
        const comune = header.tables.find((t: { name: string }) => t.name === "comune");
        comune.rows++;
        const i = lines.findIndex((l) => l.includes('"istat_code":"015189"'));
        return [JSON.stringify(header), ...lines.slice(1, i + 1), lines[i] as string, ...lines.slice(i + 1)];
      },
      true,
    );
    await expect(restoreDatabase(target, duplicate)).rejects.toThrow(/restoring table comune failed: duplicate key/);
    expect(await checksumDatabase(target)).toEqual(unchanged);
    expect((await verifyChain(target, ambito.id)).ok).toBe(true);
  });

  it("refuses a backup made by a newer version (unknown migration)", async () => {
    const unchanged = await checksumDatabase(target);
    const newer = rewrite("newer.jsonl.gz", (lines) => {
      const header = JSON.parse(lines[0] as string);
      header.migrations.push("9999-future");
      return [JSON.stringify(header), ...lines.slice(1)];
    });
    await expect(restoreDatabase(target, newer)).rejects.toThrow(
      /newer version of Filiera \(unknown migrations: 9999-future\)/,
    );
    expect(await checksumDatabase(target)).toEqual(unchanged);
  });

  // The shared PostgreSQL test database holds whatever the other test files seeded (the demo's
  // synthetic population too), and this moves all of it twice: it takes longer than a unit test.
  it.runIf(usingPostgres())("moves a backup from PostgreSQL to PGlite and back", { timeout: 180_000 }, async () => {
    const lite = await freshDatabase("pglite");
    await restoreDatabase(lite, file);
    expect(await checksumDatabase(lite)).toEqual(before);
    const fromLite = join(dir, "from-pglite.jsonl.gz");
    await backupDatabase(lite, fromLite);
    const pgTarget = await freshDatabase("postgres");
    await restoreDatabase(pgTarget, fromLite);
    expect(await checksumDatabase(pgTarget)).toEqual(before);
  });
});
