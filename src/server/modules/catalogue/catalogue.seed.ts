import type { Db } from "../../db/database.ts";

/** Demo data of the catalogue module, seeded by npm start; idempotent. */
export async function seedCatalogueDemo(_db: Db, _ambiti: Map<string, number>): Promise<void> {}
