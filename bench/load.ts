/**
 * A small HTTP load generator: C concurrent keep-alive connections, bounded by a request count and
 * a time limit. bench/http.ts runs it in a worker thread so the client does not share the servers'
 * event loop.
 */
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  concurrency: number;
  requests: number;
  maxMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume(); // drain the body so the socket goes back to the pool
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const url = new URL(o.url);
  const latencies: number[] = [];
  let started = 0;
  let errors = 0;
  const begin = performance.now();
  const deadline = begin + o.maxMs;
  const loop = async () => {
    while (started < o.requests && performance.now() < deadline) {
      started++;
      const t = performance.now();
      const status = await get(agent, url, o.headers ?? {}).catch(() => 0);
      latencies.push(performance.now() - t);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  const seconds = (performance.now() - begin) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies.at(-1) ?? 0,
  };
}

if (parentPort && workerData?.load) {
  const port = parentPort;
  runLoad(workerData.load as LoadOptions).then((r) => port.postMessage(r));
}
