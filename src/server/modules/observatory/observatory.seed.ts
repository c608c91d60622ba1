import { readdirSync, readFileSync } from "node:fs";
import type { Db } from "../../db/database.ts";
import { findTenant } from "../../platform/tenancy.ts";
import { ambitoComuni } from "./observatory.repo.ts";
import { writePublished } from "./published.import.ts";
import { validatePublished } from "./published.validate.ts";

const DIR = new URL("./data/published/", import.meta.url);

/**
 * Loads the territorial tables published in the seeds' plans (entered as printed, with their source
 * lines) for the enti that exist; idempotent. Invalid fixtures are a bug: they throw.
 */
export async function seedObservatory(db: Db): Promise<{ ambito: string; tables: number }[]> {
  const out = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const input = JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as { ambito?: string };
    const tenant = input.ambito ? await findTenant(db, input.ambito) : undefined;
    if (!tenant) continue;
    const checked = validatePublished(input, await ambitoComuni(db, tenant.id));
    if (!checked.ok) {
      const list = checked.problems.map((p) => `${p.where}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`);
      throw new Error(`Invalid published tables in ${file}:\n${list.join("\n")}`);
    }
    const result = await writePublished(db, tenant.id, checked.value, {
      origin: `seed:${file}`,
      userId: null,
      replace: false,
    });
    out.push({ ambito: tenant.slug, tables: result?.tables ?? 0 });
  }
  return out;
}
