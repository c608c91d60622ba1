import { readFileSync } from "node:fs";
import type { Db } from "../../db/database.ts";
import { findTenant } from "../../platform/tenancy.ts";
import { findPlanByKey } from "./plan.repo.ts";
import { importPlan } from "./planning.service.ts";

/**
 * The real plans of the seed documents (data/*.json, figures copied from seeds 002 and 004),
 * imported through the same validated path as a user's import. Earlier plans come first so the
 * next plan can name its predecessor.
 */
export const SEED_PLAN_FILES = [
  "visconteo-2022-2024.json",
  "visconteo-2025-2027.json",
  "distretto4-2015-2017.json",
  "distretto4-2018-2020.json",
] as const;

export function readSeedPlan(file: (typeof SEED_PLAN_FILES)[number]): unknown {
  return JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), "utf8"));
}

/** Demo data of the planning module, seeded by npm start; idempotent (an existing plan is left as edited). */
export async function seedPlanningDemo(db: Db, ambiti: Map<string, number>): Promise<void> {
  for (const file of SEED_PLAN_FILES) {
    const doc = readSeedPlan(file) as { ambito: string; periodStart: number; title: string };
    const ambitoId = ambiti.get(doc.ambito);
    if (ambitoId === undefined) continue;
    if (await findPlanByKey(db, ambitoId, doc.periodStart, doc.title)) continue;
    const tenant = await findTenant(db, doc.ambito);
    if (!tenant) continue;
    await importPlan(db, tenant, doc, { userId: null, kind: "system", name: "seed" });
  }
}
