/**
 * Bilancio parser benchmark.
 *  1. Seed 003 fixture: streaming parse + validation (every total recomputed) against a plain
 *     read-and-split of the same file; the ratio is the figure.
 *  2. A synthetic report of N physical lines (totals and recaps consistent) written to a temp file:
 *     streaming parse + validation throughput (lines/s) and peak RSS.
 *
 *   node --import tsx bench/budget.ts [N=1000000]
 */
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ReportChecker } from "../src/server/modules/budget/report-checks.ts";
import { parseReportFile } from "../src/server/modules/budget/report-parser.ts";
import { writeSyntheticReport } from "../src/server/modules/budget/synthetic-report.ts";

const N = Number(process.argv[2] ?? process.env.BENCH_LINES ?? 1_000_000);
const FIXTURE = new URL("../src/server/modules/budget/fixtures/milano-2022-welfare.txt", import.meta.url).pathname;
const ROUNDS = 30;

/** Parse + validate without keeping lines: what an import costs before the database. */
async function parseAndValidate(path: string) {
  const checker = new ReportChecker();
  let lines = 0;
  let problems = 0;
  await parseReportFile(path, {
    meta: (m) => checker.setYear(m.year),
    line: (l) => {
      lines++;
      checker.line(l);
    },
    total: (t) => checker.total(t),
    problem: () => problems++,
  });
  const checks = checker.finish();
  return { lines, problems, checks: checks.length, failed: checks.filter((c) => !c.passed).length };
}

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
}

// Child mode: parse one file and report this process's own peak RSS (generation not included).
if (process.argv[2] === "--parse") {
  const t0 = process.hrtime.bigint();
  const result = await parseAndValidate(process.argv[3] as string);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ ...result, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

async function readLines(path: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity }))
    n++;
  return n;
}

const physical = readFileSync(FIXTURE, "utf8").split("\n").length;
await parseAndValidate(FIXTURE); // warm-up (JIT, regex compilation)
const split = await median(() => readFileSync(FIXTURE, "utf8").split("\n").length);
const stream = await median(() => readLines(FIXTURE));
const parse = await median(() => parseAndValidate(FIXTURE));
const seed = await parseAndValidate(FIXTURE);
console.log(
  `Seed 003 fixture: ${physical} physical lines, ${seed.lines} budget lines, ${seed.checks} checks (${seed.failed} failed)`,
);
console.log(`  read-and-split        ${split.toFixed(2)} ms (median of ${ROUNDS})`);
console.log(`  streamed read-lines   ${stream.toFixed(2)} ms (median of ${ROUNDS}; the parser's own input loop)`);
console.log(`  parse + validate      ${parse.toFixed(2)} ms (median of ${ROUNDS})`);
console.log(
  `  ratio                 ${(parse / split).toFixed(1)}x read-and-split, ${(parse / stream).toFixed(1)}x streamed read`,
);

const dir = mkdtempSync(join(tmpdir(), "filiera-bench-budget-"));
const file = join(dir, "synthetic.txt");
const out = createWriteStream(file);
let buffer: string[] = [];
const generated = writeSyntheticReport(N, (l) => {
  buffer.push(l);
  if (buffer.length >= 10_000) {
    out.write(`${buffer.join("\n")}\n`);
    buffer = [];
  }
});
out.end(buffer.join("\n"));
await new Promise<void>((resolve) => out.on("finish", () => resolve()));
const child = JSON.parse(
  execFileSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--parse", file], {
    encoding: "utf8",
  }),
) as { lines: number; problems: number; checks: number; failed: number; seconds: number; maxRssMb: number };
console.log(
  `Synthetic report: ${generated.lines.toLocaleString("en")} physical lines (${(statSync(file).size / 1e6).toFixed(1)} MB), ${child.lines.toLocaleString("en")} budget lines, ${child.checks} checks (${child.failed} failed, ${child.problems} problems)`,
);
console.log(
  `  parse + validate      ${child.seconds.toFixed(2)} s, ${Math.round(generated.lines / child.seconds).toLocaleString("en")} lines/s`,
);
console.log(`  peak RSS              ${child.maxRssMb.toFixed(0)} MB (parsing process, Node + tsx included)`);
rmSync(dir, { recursive: true, force: true });
