import type { Db } from "../../db/database.ts";

/** Demo data of the planning module, seeded by npm start; idempotent. */
export async function seedPlanningDemo(_db: Db, _ambiti: Map<string, number>): Promise<void> {}
