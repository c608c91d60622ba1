import type { Command } from "commander";
import type { Db } from "../server/db/database.ts";
import { COLUMNS, columnLabel } from "../server/modules/budget/amounts.ts";
import { importBudgetReport, listChecks, listDocuments } from "../server/modules/budget/index.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { printJson, withDatabase } from "./context.ts";

const KINDS = ["previsione", "assestamento", "rendiconto"] as const;

async function tenantOrFail(db: Db, slug: string) {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new Error(`no Ambito with slug '${slug}'`);
  return tenant;
}

export function registerBudgetCommands(program: Command): void {
  const budget = program.command("budget").description("Bilancio: municipal social budget reports");

  budget
    .command("import")
    .description(
      "Import a 'Report Commissioni' budget report (text extracted from the PDF); every printed total is checked",
    )
    .argument("<file>", "the report as text")
    .requiredOption("--ente <slug>", "the Ambito (or Comune-Ambito) the budget belongs to")
    .option("--year <year>", "expected year (refused if the report says otherwise)")
    .option("--kind <kind>", `expected kind: ${KINDS.join(", ")}`)
    .option("--dry-run", "parse and check only")
    .option("--json", "print the report as JSON")
    .option("--accept-failed-checks <reason>", "import even though checks failed; the reason is recorded and audited")
    .action(
      async (
        file: string,
        o: {
          ente: string;
          year?: string;
          kind?: string;
          dryRun?: boolean;
          json?: boolean;
          acceptFailedChecks?: string;
        },
      ) => {
        const badYear = o.year && !/^\d{4}$/.test(o.year);
        if (badYear || (o.kind && !KINDS.includes(o.kind as (typeof KINDS)[number]))) {
          process.stderr.write(
            badYear ? "--year must be a year such as 2022\n" : `--kind must be one of ${KINDS.join(", ")}\n`,
          );
          process.exitCode = 2;
          return;
        }
        await withDatabase(async ({ db }) => {
          const tenant = await tenantOrFail(db, o.ente);
          const report = await importBudgetReport(db, tenant.id, file, {
            year: o.year ? Number(o.year) : undefined,
            kind: o.kind as (typeof KINDS)[number] | undefined,
            dryRun: Boolean(o.dryRun),
            acceptFailedChecks: o.acceptFailedChecks,
          });
          if (!report.ok) process.exitCode = 2;
          if (o.json) return printJson(report);
          const year = report.meta?.year ?? 0;
          if (report.meta) console.log(`${report.meta.title} (${report.file}, sha256 ${report.sha256.slice(0, 12)}…)`);
          for (const [section, s] of Object.entries(report.sections)) {
            if (!s.lines) continue;
            const totals = COLUMNS.filter((c) => s.totals[c] !== undefined)
              .map((c) => `${columnLabel(c, year)} ${s.totals[c]}`)
              .join("; ");
            console.log(`  ${section}: ${s.lines} lines — ${totals}`);
          }
          console.log(`Checks: ${report.checks.passed} passed, ${report.checks.failed.length} failed`);
          for (const c of report.checks.failed)
            console.log(
              `  FAILED${c.line ? ` line ${c.line}` : ""}: ${c.name}\n    expected ${c.expected}\n    found    ${c.found}`,
            );
          for (const p of report.problems)
            process.stderr.write(`  ${p.line ? `line ${p.line}: ` : ""}expected ${p.expected}, found '${p.found}'\n`);
          if (report.overrideNote) console.log(`Failed checks accepted: ${report.overrideNote}`);
          (report.ok ? console.log : (m: string) => process.stderr.write(`${m}\n`))(
            report.ok ? `${report.status}: ${report.message}` : `Refused: ${report.message}`,
          );
        });
      },
    );

  budget
    .command("checks")
    .description("List the stored budget documents of an Ambito and the checks run on each")
    .requiredOption("--ente <slug>", "the Ambito")
    .option("--json", "print JSON")
    .option("--failed", "only failed checks")
    .action(async (o: { ente: string; json?: boolean; failed?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ente);
        const documents = [];
        for (const d of await listDocuments(db, tenant.id)) {
          const checks = (await listChecks(db, tenant.id, d.id)).filter((c) => !o.failed || !c.passed);
          documents.push({ ...d, checks });
        }
        if (o.json) return printJson(documents);
        if (!documents.length) console.log(`No budget documents for ${o.ente}`);
        for (const d of documents) {
          const passed = d.checks.filter((c) => c.passed).length;
          console.log(
            `#${d.id} ${d.title} [${d.kind} ${d.year}] ${d.source_file}: ${d.lines} lines, ${d.checks_failed} failed checks`,
          );
          if (d.override_note) console.log(`  override: ${d.override_note}`);
          console.log(`  ${passed} passed, ${d.checks.length - passed} failed${o.failed ? " (listed)" : ""}`);
          for (const c of d.checks)
            console.log(
              `  ${c.passed ? "ok  " : "FAIL"} ${c.line ? `line ${c.line} ` : ""}${c.name}${c.passed ? "" : `: expected ${c.expected}, found ${c.found}`}`,
            );
        }
      });
    });
}
