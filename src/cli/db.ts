import { createInterface } from "node:readline/promises";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { loadConfig } from "../server/config.ts";
import {
  backupDatabase,
  checksumDatabase,
  compareChecksums,
  type Progress,
  restoreDatabase,
  verifyBackupFile,
} from "../server/db/backup.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { printJson, withDatabase } from "./context.ts";

const PHASES: Record<Progress["phase"], string> = {
  backup: "Backing up",
  "check-file": "Checking file",
  restore: "Restoring",
  verify: "Verifying",
};

/** A progress bar on stderr, only for a terminal (logs and pipes stay clean); one bar per phase. */
function progressBar(): { onProgress?: (p: Progress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { stop: () => {} };
  let bar: cliProgress.SingleBar | undefined;
  let phase: Progress["phase"] | undefined;
  const stop = () => bar?.stop();
  const onProgress = (p: Progress) => {
    if (p.phase !== phase) {
      stop();
      phase = p.phase;
      bar = new cliProgress.SingleBar(
        {
          format: `${PHASES[p.phase].padEnd(13)} |{bar}| {percentage}% | {value}/{total} rows | {table}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(p.total, 1), 0, { table: "" });
    }
    bar?.update(p.done, { table: p.table });
  };
  return { onProgress, stop };
}

const pad = (n: number) => String(n).padStart(2, "0");
function defaultBackupFile(now = new Date()): string {
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `./data/backups/filiera-${date}-${time}.jsonl.gz`;
}

/** Where the configured database is, without any password. */
function describeTarget(): string {
  const { database } = loadConfig();
  if (database.kind === "pglite") return `the PGlite database at ${database.dir}`;
  const url = new URL(database.url);
  url.password = "";
  return `the PostgreSQL database ${url.toString()}`;
}

async function confirmRestore(yes: boolean | undefined, file: string): Promise<void> {
  if (yes) return;
  const target = describeTarget();
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new Error(`restore replaces ALL data in ${target}; pass --yes to confirm`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`This replaces ALL data in ${target} with ${file}.\nType "restore" to continue: `);
  rl.close();
  if (answer.trim() !== "restore") throw new Error("restore cancelled");
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("Database: migrations, backup and restore");
  db.command("migrate")
    .description("Apply pending migrations (forward-only)")
    .action(async () => {
      await withDatabase(
        async ({ db }) => {
          const { applied } = await migrateToLatest(db);
          console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date");
        },
        { migrate: false },
      );
    });

  db.command("backup")
    .description("Write a logical backup (gzip'd JSON lines) that restores into PGlite or PostgreSQL")
    .argument("[file]", "output file (default: ./data/backups/filiera-YYYYMMDD-HHMMSS.jsonl.gz)")
    .option("--json", "print a JSON summary on stdout")
    .addHelpText(
      "after",
      "\nThe backup is one consistent snapshot. On PostgreSQL the application may keep running; with PGlite,\n" +
        "stop it first (only one process may open a PGlite data directory). Restore with `filiera db restore FILE`.",
    )
    .action(async (file: string | undefined, o: { json?: boolean }) => {
      const out = file ?? defaultBackupFile();
      await withDatabase(
        async ({ db }) => {
          const bar = progressBar();
          const summary = await backupDatabase(db, out, bar).finally(bar.stop);
          if (o.json) printJson(summary);
          else {
            const tables = summary.tables.length;
            console.log(
              `Backup written: ${out} (${summary.rows} rows in ${tables} tables, ${size(summary.bytes)}, ${seconds(summary.durationMs)})`,
            );
          }
        },
        { migrate: false },
      );
    });

  db.command("restore")
    .description("Replace ALL data in the configured database with a backup (all or nothing)")
    .argument("<file>", "a backup written by `filiera db backup`")
    .option("--yes", "do not ask for confirmation")
    .option("--json", "print a JSON summary on stdout")
    .addHelpText(
      "after",
      "\nThe file is checked end to end first; then schema public is dropped, migrated and filled in one\n" +
        "transaction, and the result is verified against the backup's checksums. On any error nothing changes.\n" +
        "The backup must come from this version of Filiera (same migrations). Stop the application first.",
    )
    .action(async (file: string, o: { yes?: boolean; json?: boolean }) => {
      await confirmRestore(o.yes, file);
      await withDatabase(
        async ({ db }) => {
          const bar = progressBar();
          const summary = await restoreDatabase(db, file, bar).finally(bar.stop);
          if (o.json) printJson(summary);
          else {
            console.log(
              `Restored ${file} (made ${summary.backupCreatedAt}): ${summary.rows} rows in ${summary.tables.length} tables, verified, ${seconds(summary.durationMs)}`,
            );
          }
        },
        { migrate: false },
      );
    });

  db.command("verify-backup")
    .description("Check a backup file's integrity (every row against its checksums), optionally against the database")
    .argument("<file>", "a backup written by `filiera db backup`")
    .option("--against-db", "also compare the backup with the configured database's current content")
    .option("--json", "print the result as JSON")
    .action(async (file: string, o: { againstDb?: boolean; json?: boolean }) => {
      const bar = progressBar();
      const { header, tables } = await verifyBackupFile(file, bar).finally(bar.stop);
      let differences: string[] | undefined;
      if (o.againstDb) {
        differences = await withDatabase(async ({ db }) => compareChecksums(tables, await checksumDatabase(db)), {
          migrate: false,
        });
      }
      const rows = tables.reduce((n, t) => n + t.rows, 0);
      if (o.json)
        printJson({ file, createdAt: header.createdAt, migrations: header.migrations, rows, tables, differences });
      else {
        console.log(`ok: ${file} (made ${header.createdAt}, ${rows} rows in ${tables.length} tables, checksums match)`);
        if (differences?.length) console.log(`differs from the database:\n  ${differences.join("\n  ")}`);
        else if (differences) console.log("identical to the database");
      }
      if (differences?.length) process.exitCode = 3;
    });
}
