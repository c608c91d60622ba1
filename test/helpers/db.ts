import type { Db, OpenedDatabase } from "../../src/server/db/database.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { migrateToLatest } from "../../src/server/db/migrate.ts";
import { seedObservatory } from "../../src/server/modules/observatory/index.ts";
import { seedEnti } from "../../src/server/modules/territory/index.ts";
import { testConfig } from "./config.ts";

/**
 * One database per test worker, migrated once: PGlite in memory, or the PostgreSQL server that
 * the global setup has reset and migrated. Tests isolate themselves with a fresh Ambito each.
 */
const key = Symbol.for("filiera.testDb");
type Holder = { [key]?: Promise<OpenedDatabase> };

export function testDb(): Promise<Db> {
  const holder = globalThis as Holder;
  holder[key] ??= (async () => {
    const opened = await openDatabase(testConfig().database);
    if (opened.kind === "pglite") {
      await migrateToLatest(opened.db);
      await seedEnti(opened.db);
      await seedObservatory(opened.db);
    }
    return opened;
  })();
  return holder[key].then((o) => o.db);
}

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);
