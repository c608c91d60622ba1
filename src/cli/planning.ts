import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Db } from "../server/db/database.ts";
import { importPlan, listPlans, loadPlan } from "../server/modules/planning/index.ts";
import { planToXlsx, xlsxPaths, xlsxToPlan } from "../server/modules/planning/plan-xlsx.ts";
import { AppError } from "../server/platform/errors.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { printJson, withDatabase } from "./context.ts";

const actor = { userId: null, kind: "cli" as const, name: "cli" };

async function tenantOrFail(db: Db, slug: string) {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new Error(`no Ambito with slug '${slug}'`);
  return tenant;
}

function fail(message: string, fields: { path: string; message: string }[] = []) {
  process.stderr.write(`${message}\n`);
  for (const f of fields) process.stderr.write(`  ${f.path}: ${f.message}\n`);
  process.exitCode = 2;
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command("plan").description("Programmazione: Piani di Zona (export, import, list)");

  plan
    .command("list")
    .description("List the plans of an Ambito")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--json", "print JSON")
    .action(async (o: { ambito: string; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const plans = await listPlans(db, await tenantOrFail(db, o.ambito));
        if (o.json) return printJson(plans);
        for (const p of plans)
          console.log(`${p.id}\t${p.period_start}-${p.period_end}\t${p.status}\tv${p.version}\t${p.title}`);
      });
    });

  plan
    .command("export")
    .description("Export a plan as a document (JSON) or workbook (XLSX) that import reads back")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--period <year>", "the plan starting in this year (default: the latest)")
    .requiredOption("--format <format>", "json or xlsx")
    .requiredOption("--out <file>", "where to write")
    .action(async (o: { ambito: string; period?: string; format: string; out: string }) => {
      if (o.format !== "json" && o.format !== "xlsx") return fail("--format must be json or xlsx");
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ambito);
        const plans = await listPlans(db, tenant);
        const chosen = o.period ? plans.find((p) => String(p.period_start) === o.period) : plans[0];
        if (!chosen) return fail(`no plan${o.period ? ` starting in ${o.period}` : ""} in ${o.ambito}`);
        const { doc } = await loadPlan(db, tenant, chosen.id);
        writeFileSync(o.out, o.format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : await planToXlsx(doc));
        console.log(`Wrote ${doc.title} (${doc.periodStart}-${doc.periodEnd}, version ${doc.version}) to ${o.out}`);
      });
    });

  plan
    .command("import")
    .description("Import a plan (JSON or XLSX) into the Ambito it names: checked whole, written all or nothing")
    .argument("<file>", "a .json or .xlsx plan file")
    .option("--json", "print the result as JSON")
    .action(async (file: string, o: { json?: boolean }) => {
      const isXlsx = file.toLowerCase().endsWith(".xlsx");
      let input: unknown;
      try {
        input = isXlsx ? await xlsxToPlan(readFileSync(file)) : JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        if (e instanceof AppError) return fail(`Refused: ${e.message}`, e.fields);
        return fail(`Refused: ${file} is not readable JSON (${(e as Error).message})`);
      }
      const slug = (input as { ambito?: unknown })?.ambito;
      if (typeof slug !== "string")
        return fail("Refused: the file does not name its Ambito", [{ path: "ambito", message: "required" }]);
      await withDatabase(async ({ db }) => {
        const tenant = await findTenant(db, slug);
        if (!tenant) return fail("Refused: unknown Ambito", [{ path: "ambito", message: `no Ambito '${slug}'` }]);
        try {
          const r = await importPlan(db, tenant, input, actor);
          if (o.json) return printJson(r);
          console.log(`${r.created ? "Created" : "Updated"} plan ${r.id} (version ${r.version}) in ${slug}`);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const fields = isXlsx ? xlsxPaths(e.fields ?? []) : (e.fields ?? []);
          if (o.json) {
            printJson({ ok: false, message: e.message, fields });
            process.exitCode = 2;
            return;
          }
          fail(`Refused, nothing written: ${e.message}`, fields);
        }
      });
    });
}
