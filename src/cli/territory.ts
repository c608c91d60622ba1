import type { Command } from "commander";
import { getAmbitoDetail, seedEnti } from "../server/modules/territory/index.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { printJson, withDatabase } from "./context.ts";

export function registerTerritoryCommands(program: Command): void {
  const territory = program.command("territory").description("Ambiti, Comuni, Municipi");
  territory
    .command("seed")
    .description("Create the three real enti (Visconteo Sud Milano, Cernusco Distretto 4, Milano) if missing")
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const ids = await seedEnti(db);
        for (const [slug, id] of ids) console.log(`${slug} (id ${id})`);
      });
    });
  territory
    .command("show <ambito>")
    .description("An Ambito with its Comuni and Municipi")
    .option("--json", "print as JSON")
    .action(async (slug: string, o: { json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const tenant = await findTenant(db, slug);
        if (!tenant) throw new Error(`no Ambito with slug '${slug}'`);
        const detail = await getAmbitoDetail(db, tenant.id);
        if (o.json) return printJson(detail);
        console.log(`${detail.name} (${detail.slug}) — ${detail.region.name}, ${detail.ats?.name ?? "no ATS"}`);
        for (const c of detail.comuni) console.log(`  ${c.istatCode} ${c.cadastralCode} ${c.name} (${c.provinceAbbr})`);
        for (const m of detail.municipi) console.log(`  Municipio ${m.number}`);
      });
    });
}
