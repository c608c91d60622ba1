import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildApp, WEB_DIST } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { DEMO_ACCOUNTS, seedDemo } from "./seed/demo.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB_SRC = fileURLToPath(new URL("../web", import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources, so `npm start` is one step. */
function ensureWebBuilt(): void {
  const index = `${WEB_DIST}/index.html`;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(WEB_SRC)) return;
  process.stdout.write("Building the web app (first start)…\n");
  execFileSync(process.execPath, [`${ROOT}/node_modules/vite/bin/vite.js`, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

async function main() {
  const config = loadConfig();
  if (config.env !== "production") ensureWebBuilt();
  const started = Date.now();
  const opened = await openDatabase(config.database);
  await migrateToLatest(opened.db);
  if (config.seedDemo) await seedDemo(opened.db, { password: config.demoPassword, scryptLogN: config.scryptLogN });
  const app = await buildApp({ config, db: opened.db, dbKind: opened.kind });
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === "pglite" ? `embedded PGlite at ${config.database.dir}` : "PostgreSQL";
  const lines = [
    "",
    `Filiera is running at ${config.publicUrl} (database: ${where}; ready in ${Date.now() - started} ms)`,
    `API documentation: ${config.publicUrl}/api/docs`,
  ];
  if (config.seedDemo) {
    lines.push(`Demo logins (password: ${config.demoPassword}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(22)} ${a.what}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Filiera failed to start: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
