import type { Command } from "commander";
import { listForms } from "../server/modules/cases/assessments.ts";
import { RETENTION_YEARS, retentionReport } from "../server/modules/cases/retention.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { printJson, withDatabase } from "./context.ts";

/** Cartella Sociale commands: assessment forms and the retention report (no personal data printed). */
export function registerCasesCommands(program: Command): void {
  const cases = program.command("cases").description("Cartella sociale: assessment forms and retention");

  cases
    .command("forms")
    .description("List the assessment forms of an Ambito (the standard ones are installed if missing)")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--json", "print as JSON")
    .action(async (o: { ambito: string; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const tenant = await findTenant(db, o.ambito);
        if (!tenant) throw new Error(`no Ambito with slug '${o.ambito}'`);
        const forms = await listForms(db, tenant.id);
        if (o.json) return printJson(forms);
        for (const f of forms) process.stdout.write(`${f.id}\t${f.code}\tv${f.version}\t${f.kind}\t${f.title}\n`);
      });
    });

  cases
    .command("retention")
    .description(
      `Count the records due for deletion under the retention rule (${RETENTION_YEARS} years after the last activity)`,
    )
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--years <n>", "retention period in years", String(RETENTION_YEARS))
    .option("--json", "print as JSON")
    .action(async (o: { ambito: string; years: string; json?: boolean }) => {
      const years = Number(o.years);
      if (!Number.isInteger(years) || years < 1 || years > 100) {
        process.stderr.write("--years must be a whole number between 1 and 100\n");
        process.exitCode = 2;
        return;
      }
      await withDatabase(async ({ db }) => {
        const tenant = await findTenant(db, o.ambito);
        if (!tenant) throw new Error(`no Ambito with slug '${o.ambito}'`);
        const report = await retentionReport(db, tenant.id, years);
        if (o.json) return printJson(report);
        process.stdout.write("Comune\tdue for deletion\tkept\n");
        for (const r of report) process.stdout.write(`${r.comuneIstat}\t${r.due}\t${r.kept}\n`);
      });
    });
}
