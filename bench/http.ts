/**
 * Platform benchmark.
 * 1. Throughput: the real app (buildApp, PGlite — and PostgreSQL when DATABASE_URL is set — demo data, a logged-in Ufficio di Piano user) serving
 *    the authenticated GET /api/ambiti/:slug, against a bare Fastify handler: req/s and latency
 *    percentiles for each, and their ratio (what auth, session lookup, RBAC, the query and zod cost).
 * 2. Cold start: spawn `node --import tsx src/server/main.ts` until the first 200 from /api/ready,
 *    on a fresh PGlite directory (initdb, migrations, seeding) and on the existing one.
 *
 *   node --import tsx bench/http.ts [requests=5000] [concurrency=32]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db/database.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { seedDemo } from "../src/server/seed/demo.ts";
import type { LoadOptions, LoadResult } from "./load.ts";

const REQUESTS = Number(process.argv[2] ?? 5000);
const CONCURRENCY = Number(process.argv[3] ?? 32);
const MAX_MS = 60_000;
const PASSWORD = "bench-password-2026";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "filiera-bench-http-"));

/**
 * The load generator runs in a worker thread, off the servers' event loop. Node 20 workers do not
 * inherit tsx's loader hooks, so the worker registers tsx itself before importing load.ts.
 */
const WORKER = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./load.ts", import.meta.url).href)}); })`;
function load(o: Pick<LoadOptions, "url" | "headers">, requests = REQUESTS): Promise<LoadResult> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { load: { ...o, requests, concurrency: CONCURRENCY, maxMs: MAX_MS } },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (r: LoadResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

const ms = (x: number) => `${x.toFixed(2)} ms`.padStart(10);
function report(name: string, r: LoadResult): void {
  console.log(
    `  ${name.padEnd(28)} ${Math.round(r.rps).toString().padStart(7)} req/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}` +
      `  p99 ${ms(r.p99)}  (${r.requests} requests, ${r.errors} errors, ${r.seconds.toFixed(1)} s)`,
  );
}

async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

/** PGlite in a temp dir, or a scratch PostgreSQL database (never the one DATABASE_URL names), dropped at the end. */
async function throughput(kind: "pglite" | "postgres"): Promise<void> {
  const scratch = `filiera_bench_http_${process.pid}`;
  let url: URL | undefined;
  if (kind === "postgres") {
    await pgAdmin(`create database ${scratch}`);
    url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${scratch}`;
  }
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    PGLITE_DIR: join(work, "throughput"),
    ...(url ? { DATABASE_URL: url.toString() } : {}),
    SEED_DEMO: "false",
    SCRYPT_LOG_N: "10",
    COOKIE_SECURE: "false",
  });
  const opened = await openDatabase(config.database);
  await migrateToLatest(opened.db);
  await seedDemo(opened.db, { password: PASSWORD, scryptLogN: 10 });
  const app = await buildApp({ config, db: opened.db, dbKind: opened.kind });
  const bare = Fastify();
  bare.get("/bare", async () => ({ ok: true }));
  try {
    const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
    const res = await fetch(`${appUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "udp.visconteo", password: PASSWORD }),
    });
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith("filiera_sid="))
      ?.split(";")[0];
    if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const target = { url: `${appUrl}/api/ambiti/visconteo-sud-milano`, headers: { cookie } };
    const check = await fetch(target.url, { headers: target.headers });
    if (check.status !== 200) throw new Error(`GET ${target.url}: ${check.status}`);
    const bytes = (await check.arrayBuffer()).byteLength;

    console.log(`\nThroughput: ${REQUESTS} requests, ${CONCURRENCY} concurrent keep-alive connections, loopback`);
    console.log(`  app: GET /api/ambiti/visconteo-sud-milano with session cookie (${bytes} B response), ${kind}`);
    await load({ url: `${bareUrl}/bare` }, 1000); // warm-up: JIT, sockets
    await load(target, 1000);
    const b = await load({ url: `${bareUrl}/bare` });
    const a = await load(target);
    report("bare Fastify handler", b);
    report("app /api/ambiti/:slug", a);
    console.log(
      `  ratio bare/app: ${(b.rps / a.rps).toFixed(1)}× throughput, p50 latency ×${(a.p50 / b.p50).toFixed(1)}`,
    );
  } finally {
    await app.close();
    await bare.close();
    await opened.close();
    if (kind === "postgres") await pgAdmin(`drop database if exists ${scratch} with (force)`);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** Spawns the server and returns ms from spawn to the first 200 from /api/ready, plus its own "ready in". */
async function coldStart(dir: string): Promise<{ total: number; selfReported: number | null }> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const started = performance.now();
  // Production mode skips the development-only web build check; a distinct demo password is then required.
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PGLITE_DIR: dir,
      SEED_DEMO: "true",
      DEMO_PASSWORD: PASSWORD,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  try {
    while (performance.now() - started < 180_000) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/ready`)
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) {
        const total = performance.now() - started;
        const self = /ready in (\d+) ms/.exec(output);
        return { total, selfReported: self ? Number(self[1]) : null };
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`server not ready after 180 s:\n${output}`);
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null) await once(child, "exit");
  }
}

async function coldStarts(): Promise<void> {
  const dir = join(work, "cold");
  console.log(
    "\nCold start: spawn `node --import tsx src/server/main.ts` → first 200 from /api/ready (PGlite, demo seed)",
  );
  for (const label of ["fresh data dir", "existing data dir", "existing data dir"]) {
    const r = await coldStart(dir);
    const self = r.selfReported === null ? "" : ` (of which db open + migrate + seed + app: ${r.selfReported} ms)`;
    console.log(`  ${label.padEnd(18)} ${Math.round(r.total)} ms${self}`);
  }
}

try {
  await throughput("pglite");
  if (process.env.DATABASE_URL) await throughput("postgres");
  await coldStarts();
} finally {
  rmSync(work, { recursive: true, force: true });
}
