import { readFileSync, statSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { Db } from "../server/db/database.ts";
import { discrepanciesCsv, profileCsv } from "../server/modules/observatory/exports.ts";
import {
  checkPublished,
  computeProfile,
  importIstatPopulation,
  importSeries,
  seedObservatory,
} from "../server/modules/observatory/index.ts";
import { ambitoComuni } from "../server/modules/observatory/observatory.repo.ts";
import { writePublished } from "../server/modules/observatory/published.import.ts";
import { validatePublished } from "../server/modules/observatory/published.validate.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import type { DiscrepancyDto } from "../shared/contracts/observatory.ts";
import { printJson, withDatabase } from "./context.ts";

async function tenantOrFail(db: Db, slug: string) {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new Error(`no Ambito with slug '${slug}'`);
  return tenant;
}

function printProblems(problems: { line: number | null; field?: string | null; where?: string; message: string }[]) {
  for (const p of problems) {
    const at = [p.line ? `line ${p.line}` : null, p.where ?? p.field].filter(Boolean).join(", ");
    process.stderr.write(`  ${at ? `${at}: ` : ""}${p.message}\n`);
  }
}

function progressBar(file: string) {
  if (!process.stderr.isTTY) return { update: (_: number) => {}, stop: () => {} };
  const bar = new SingleBar({ format: "  {bar} {percentage}% | {value}/{total} bytes", stream: process.stderr });
  bar.start(statSync(file).size, 0);
  return { update: (n: number) => bar.update(n), stop: () => bar.stop() };
}

export function registerObservatoryCommands(program: Command): void {
  const obs = program
    .command("observatory")
    .description("Territorial profile, indicators and the checker of published figures");

  obs
    .command("check")
    .description(
      "Recompute every published table and list each discrepancy (all seeded Ambiti when --ambito is not given)",
    )
    .option("--ambito <slug>", "only this Ambito")
    .option("--json", "print JSON")
    .option("--csv", "print CSV")
    .action(async (o: { ambito?: string; json?: boolean; csv?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const slugs = o.ambito
          ? [o.ambito]
          : (await db.selectFrom("ambito").select("slug").orderBy("slug").execute()).map((a) => a.slug);
        const all: (DiscrepancyDto & { ambito: string })[] = [];
        for (const slug of slugs) {
          const tenant = await tenantOrFail(db, slug);
          for (const d of await checkPublished(db, tenant.id)) all.push({ ambito: slug, ...d });
        }
        if (o.json) return printJson(all);
        if (o.csv) return process.stdout.write(discrepanciesCsv(all));
        for (const d of all) {
          console.log(
            `${d.ambito}  ${d.table} | ${d.row} | ${d.column}${d.line ? ` (line ${d.line})` : ""}: ${d.kind}, published ${d.published}, recomputed ${d.recomputed} (${d.difference > 0 ? "+" : ""}${d.difference}, ${d.severity}) — ${d.explanation}`,
          );
        }
        console.log(`${all.length} discrepancies`);
      });
    });

  obs
    .command("profile")
    .description("Print an Ambito's indicators")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--json", "print JSON")
    .option("--open-data", "CSV with values resting on fewer than 5 people suppressed")
    .action(async (o: { ambito: string; json?: boolean; openData?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const profile = await computeProfile(db, await tenantOrFail(db, o.ambito));
        if (o.json) return printJson(profile);
        process.stdout.write(profileCsv(profile, Boolean(o.openData)));
      });
    });

  obs
    .command("import-istat <file>")
    .description(
      "Import ISTAT resident population by Comune, age and sex (demo.istat.it CSV; ; or , ; UTF-8 or ISO-8859-1)",
    )
    .option(
      "--year <year>",
      "reference year (1 January) when the file has neither an Anno column nor ISTAT's title line",
    )
    .option("--dry-run", "validate only")
    .option("--json", "print the report as JSON")
    .action(async (file: string, o: { year?: string; dryRun?: boolean; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const bar = progressBar(file);
        const report = await importIstatPopulation(db, file, {
          ...(o.year ? { year: Number(o.year) } : {}),
          dryRun: Boolean(o.dryRun),
          onProgress: bar.update,
        });
        bar.stop();
        if (o.json) printJson(report);
        else if (report.ok)
          console.log(
            `${o.dryRun ? "Valid" : "Imported"}: ${report.rows} rows, ${report.comuni} Comuni, years ${report.years.join(", ")}`,
          );
        else {
          process.stderr.write(`Nothing imported: ${report.problems.length} problem(s)\n`);
          printProblems(report.problems);
        }
        if (!report.ok) process.exitCode = 2;
      });
    });

  obs
    .command("import <file>")
    .description(
      "Import count series in the generic layout (CSV or XLSX: territory, year, series, value[, sex, age_from, age_to, citizenship, unit])",
    )
    .requiredOption("--ambito <slug>", "the Ambito")
    .requiredOption("--source <text>", "where the figures come from (kept with the data)")
    .option("--licence <text>", "licence of the data")
    .option("--dry-run", "validate only")
    .option("--json", "print the report as JSON")
    .action(
      async (
        file: string,
        o: { ambito: string; source: string; licence?: string; dryRun?: boolean; json?: boolean },
      ) => {
        await withDatabase(async ({ db }) => {
          const tenant = await tenantOrFail(db, o.ambito);
          const report = await importSeries(db, tenant.id, file, {
            source: o.source,
            ...(o.licence ? { licence: o.licence } : {}),
            dryRun: Boolean(o.dryRun),
          });
          if (o.json) printJson(report);
          else if (report.ok)
            console.log(`${o.dryRun ? "Valid" : "Imported"}: ${report.rows} rows (${report.series.join(", ")})`);
          else {
            process.stderr.write(`Nothing imported: ${report.problems.length} problem(s)\n`);
            printProblems(report.problems);
          }
          if (!report.ok) process.exitCode = 2;
        });
      },
    );

  obs
    .command("import-published <file>")
    .description("Enter a plan's published tables (JSON, see docs/observatory.md) for the checker")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--replace", "replace an earlier import of the same document")
    .option("--dry-run", "validate only")
    .action(async (file: string, o: { ambito: string; replace?: boolean; dryRun?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ambito);
        let input: unknown;
        try {
          input = JSON.parse(readFileSync(file, "utf8"));
        } catch (error) {
          throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
        }
        const checked = validatePublished(input, await ambitoComuni(db, tenant.id));
        if (!checked.ok) {
          process.stderr.write(`Nothing imported: ${checked.problems.length} problem(s)\n`);
          printProblems(checked.problems);
          process.exitCode = 2;
          return;
        }
        if (o.dryRun) return console.log(`Valid: ${checked.value.doc.tables.length} tables`);
        const result = await writePublished(db, tenant.id, checked.value, {
          origin: file.split("/").pop() ?? file,
          userId: null,
          replace: Boolean(o.replace),
        });
        if (!result) throw new Error("this document was already imported: pass --replace");
        console.log(
          `Imported ${result.tables} tables (${result.counts} counts)${result.replaced ? ", replacing the earlier import" : ""}`,
        );
      });
    });

  obs
    .command("seed")
    .description("Load the territorial tables published in the seeds' plans for the seeded Ambiti")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        for (const r of await seedObservatory(db)) console.log(`${r.ambito}: ${r.tables} tables`);
      });
    });
}
