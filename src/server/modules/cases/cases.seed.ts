import type { Db } from "../../db/database.ts";

/** Demo data of the cases module, seeded by npm start; idempotent. */
export async function seedCasesDemo(_db: Db, _ambiti: Map<string, number>): Promise<void> {}
