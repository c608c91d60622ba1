import pg from "pg";
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { seedObservatory } from "../src/server/modules/observatory/index.ts";
import { seedEnti } from "../src/server/modules/territory/index.ts";

/** On PostgreSQL, start from an empty schema and migrate once for all workers. */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("drop schema if exists public cascade");
  await client.query("create schema public");
  await client.end();
  const opened = await openDatabase({ kind: "postgres", url });
  await migrateToLatest(opened.db);
  await seedEnti(opened.db);
  await seedObservatory(opened.db);
  await opened.close();
}
