import { loadConfig } from "../server/config.ts";
import { type OpenedDatabase, openDatabase } from "../server/db/database.ts";
import { migrateToLatest } from "../server/db/migrate.ts";

/** Opens the configured database, migrated, for one CLI command, and always closes it. */
export async function withDatabase<T>(
  fn: (opened: OpenedDatabase) => Promise<T>,
  options: { migrate: boolean } = { migrate: true },
): Promise<T> {
  const config = loadConfig();
  const opened = await openDatabase(config.database);
  try {
    if (options.migrate) await migrateToLatest(opened.db);
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
