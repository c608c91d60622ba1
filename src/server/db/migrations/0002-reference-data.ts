import { loadReferenceData } from "../../modules/territory/reference-data.ts";
import type { Db } from "../database.ts";

/** Lombardy comuni, ATS and ASST as versioned reference data (see territory/data/). */
export async function up(db: Db): Promise<void> {
  await loadReferenceData(db);
}
