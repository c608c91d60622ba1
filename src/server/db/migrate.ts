import { type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Db } from "./database.ts";
import * as m0001 from "./migrations/0001-platform.ts";
import * as m0002 from "./migrations/0002-reference-data.ts";
import * as m0003 from "./migrations/0003-observatory.ts";
import * as m0004 from "./migrations/0004-budget.ts";
import * as m0005 from "./migrations/0005-cases.ts";
import * as m0006 from "./migrations/0006-planning.ts";
import * as m0007 from "./migrations/0007-catalogue.ts";
import * as m0008 from "./migrations/0008-funds.ts";
import * as m0009 from "./migrations/0009-cases-performance.ts";
import * as m0010 from "./migrations/0010-notifications.ts";
import * as m0011 from "./migrations/0011-call-drafts.ts";

/** Forward-only numbered migrations; each is a list of statements run in one transaction. */
const migrations: Record<string, { statements?: string[]; up?: (db: Db) => Promise<void> }> = {
  "0001-platform": m0001,
  "0002-reference-data": m0002,
  "0003-observatory": m0003,
  "0004-budget": m0004,
  "0005-cases": m0005,
  "0006-planning": m0006,
  "0007-catalogue": m0007,
  "0008-funds": m0008,
  "0009-cases-performance": m0009,
  "0010-notifications": m0010,
  "0011-call-drafts": m0011,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) {
      out[name] = {
        up: async (db) => {
          for (const statement of m.statements ?? []) await sql.raw(statement).execute(db);
          if (m.up) await m.up(db as Db);
        },
      };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`Migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

export const migrationNames = Object.keys(migrations);
