import { readFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { Db } from "../server/db/database.ts";
import { COLUMNS, columnLabel } from "../server/modules/budget/amounts.ts";
import { importBudgetReport, listChecks, listDocuments } from "../server/modules/budget/index.ts";
import { importBudgetTable } from "../server/modules/budget/table-import.ts";
import { listMappings, loadMapping, saveMapping } from "../server/modules/budget/table-mapping.ts";
import { AppError } from "../server/platform/errors.ts";
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

  budget
    .command("import-table")
    .description("Import a budget published as a table (CSV or XLSX, e.g. BDAP open data) with a saved column mapping")
    .argument("<file>", "the CSV (; or , separated, UTF-8 or ISO-8859-1) or XLSX file")
    .requiredOption("--ente <slug>", "the Ambito (or Comune-Ambito) the budget belongs to")
    .requiredOption("--mapping <name>", "a mapping saved with `budget mapping save`")
    .option("--title <title>", "the document's title (default: kind, year and file name)")
    .option("--dry-run", "check only")
    .option("--json", "print the report as JSON")
    .action(
      async (file: string, o: { ente: string; mapping: string; title?: string; dryRun?: boolean; json?: boolean }) => {
        await withDatabase(async ({ db }) => {
          const tenant = await tenantOrFail(db, o.ente);
          const mapping = await loadMapping(db, tenant.id, o.mapping);
          if (!mapping) {
            process.stderr.write(`no mapping '${o.mapping}' for ${o.ente}: save one with \`budget mapping save\`\n`);
            process.exitCode = 2;
            return;
          }
          const bar =
            process.stderr.isTTY && !o.json
              ? new SingleBar({ format: "{value} rows read", clearOnComplete: true })
              : null;
          bar?.start(0, 0);
          const report = await importBudgetTable(db, tenant.id, file, mapping, {
            mappingName: o.mapping,
            dryRun: Boolean(o.dryRun),
            title: o.title,
            onProgress: (n) => bar?.update(n),
          });
          bar?.stop();
          if (!report.ok) process.exitCode = 2;
          if (o.json) return printJson(report);
          if (report.meta) console.log(`${report.meta.title} (${report.file}, sha256 ${report.sha256.slice(0, 12)}…)`);
          for (const [section, s] of Object.entries(report.sections))
            console.log(
              `  ${section}: ${s.lines} lines — PREVISIONE ${s.totals.forecast}; PREVISIONE anno prima ${s.totals.priorForecast}; RENDICONTO anno prima ${s.totals.priorActual}`,
            );
          for (const p of report.problems)
            process.stderr.write(
              `  ${p.line ? `line ${p.line}` : "file"}${p.field ? `, ${p.field}` : ""}: expected ${p.reason}${p.found ? `, found '${p.found}'` : ""}\n`,
            );
          if (report.problemCount > report.problems.length)
            process.stderr.write(`  … and ${report.problemCount - report.problems.length} more\n`);
          (report.ok ? console.log : (m: string) => process.stderr.write(`${m}\n`))(
            report.ok ? `${report.status}: ${report.message}` : `Refused: ${report.message}`,
          );
        });
      },
    );

  const mapping = budget.command("mapping").description("Column mappings for tabular budgets (CSV/XLSX)");
  mapping
    .command("save")
    .description("Save (or replace) a named column mapping for an ente, from a JSON file (see docs/budget.md)")
    .argument("<name>", "lowercase name, e.g. bdap-spese")
    .requiredOption("--ente <slug>", "the Ambito")
    .requiredOption("--file <json>", "the mapping as JSON")
    .action(async (name: string, o: { ente: string; file: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(o.file, "utf8"));
      } catch (e) {
        process.stderr.write(`cannot read ${o.file} as JSON: ${(e as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ente);
        try {
          const saved = await saveMapping(db, tenant.id, name, raw, null);
          console.log(`mapping '${name}' saved for ${o.ente} (#${saved.id})`);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          process.stderr.write(`${e.message}\n`);
          for (const f of e.fields ?? []) process.stderr.write(`  ${f.path}: ${f.message}\n`);
          process.exitCode = 2;
        }
      });
    });
  mapping
    .command("list")
    .description("List the saved column mappings of an ente")
    .requiredOption("--ente <slug>", "the Ambito")
    .option("--json", "print JSON")
    .action(async (o: { ente: string; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ente);
        const rows = await listMappings(db, tenant.id);
        if (o.json) return printJson(rows);
        if (!rows.length) console.log(`No mappings for ${o.ente}`);
        for (const r of rows) console.log(`${r.name}: ${JSON.stringify(r.mapping)}`);
      });
    });
}
