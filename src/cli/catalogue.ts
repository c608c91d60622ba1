import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { exportHsds, HsdsImportError, importHsds, validateHsds } from "../server/modules/catalogue/index.ts";
import { printJson, withDatabase } from "./context.ts";

/** filiera catalogue export|import: the service catalogue in Open Referral HSDS 3 JSON. */
export function registerCatalogueCommands(program: Command): void {
  const catalogue = program.command("catalogue").description("Offerta: the service catalogue (HSDS 3 exchange)");

  catalogue
    .command("export")
    .description("Export an Ambito's catalogue as an HSDS 3 page of services, validated against the HSDS schema")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--format <format>", "only hsds", "hsds")
    .requiredOption("--out <file>", "where to write the JSON")
    .action(async (o: { ambito: string; format: string; out: string }) => {
      if (o.format !== "hsds") {
        process.stderr.write("--format must be hsds\n");
        process.exitCode = 2;
        return;
      }
      await withDatabase(async ({ db }) => {
        const page = await exportHsds(db, o.ambito);
        const problems = validateHsds(page);
        if (problems.length) {
          for (const p of problems.slice(0, 20)) process.stderr.write(`${p.path}: ${p.message}\n`);
          process.exitCode = 1;
          return;
        }
        await writeFile(o.out, `${JSON.stringify(page, null, 2)}\n`);
        process.stdout.write(`${page.total_items} services of ${o.ambito} written to ${o.out} (HSDS 3, valid)\n`);
      });
    });

  catalogue
    .command("import")
    .description("Import an HSDS 3 page of services: everything is validated first, then written all or nothing")
    .argument("<file>", "HSDS JSON (a page with contents[])")
    .option("--ambito <slug>", "the Ambito (default: the one named by the file's filiera:ambito attributes)")
    .option("--json", "print the result as JSON")
    .action(async (file: string, o: { ambito?: string; json?: boolean }) => {
      let doc: unknown;
      try {
        doc = JSON.parse(await readFile(file, "utf8"));
      } catch (e) {
        process.stderr.write(`${file}: not valid JSON (${(e as Error).message})\n`);
        process.exitCode = 2;
        return;
      }
      await withDatabase(async ({ db }) => {
        try {
          const result = await importHsds(db, doc, { ambito: o.ambito });
          if (o.json) return printJson(result);
          process.stdout.write(
            `${result.services} services imported into ${result.ambito}: ${result.created} new, ${result.updated} updated\n`,
          );
        } catch (e) {
          if (!(e instanceof HsdsImportError)) throw e;
          process.stderr.write(`Nothing imported: ${e.message}\n`);
          for (const p of e.problems.slice(0, 50)) process.stderr.write(`  ${p.path}: ${p.message}\n`);
          if (e.problems.length > 50) process.stderr.write(`  … and ${e.problems.length - 50} more\n`);
          process.exitCode = 2;
        }
      });
    });
}
