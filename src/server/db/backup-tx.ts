import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  sql,
} from "kysely";
import type { Db } from "./database.ts";
import type { Database } from "./schema.ts";

/**
 * Runs fn inside one transaction on one connection, handing it a plain Kysely rather than a
 * Transaction. Kysely's Migrator refuses a Transaction (it opens its own connection and
 * transaction), so this lets restore run migrateToLatest inside its all-or-nothing transaction:
 * nested transactions become savepoints on the same connection.
 */
export async function inOuterTransaction<T>(db: Db, fn: (pinned: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    const pinned = new Kysely<Database>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new SavepointDriver(conn),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    try {
      const out = await fn(pinned);
      await sql`commit`.execute(conn);
      return out;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

class SavepointDriver implements Driver {
  private depth = 0;
  private readonly connection: DatabaseConnection;

  constructor(conn: Db) {
    this.connection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => conn.executeQuery<R>(query),
      // biome-ignore lint/correctness/useYield: restore never streams; it pages with cursors.
      streamQuery: async function* <R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error("streaming is not supported inside a restore");
      },
    };
  }
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async releaseConnection() {}
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw(`savepoint filiera_sp_${++this.depth}`));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw(`release savepoint filiera_sp_${this.depth--}`));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw(`rollback to savepoint filiera_sp_${this.depth}`));
    await c.executeQuery(CompiledQuery.raw(`release savepoint filiera_sp_${this.depth--}`));
  }
  // The outer connection belongs to the caller's Kysely; nothing to close here.
  async destroy() {}
}
