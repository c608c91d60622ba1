import type { Command } from "commander";
import { migrateToLatest } from "../server/db/migrate.ts";
import { withDatabase } from "./context.ts";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("Database: migrations, backup and restore");
  db.command("migrate")
    .description("Apply pending migrations (forward-only)")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const { applied } = await migrateToLatest(db);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date");
      }, { migrate: false });
    });
}
