import { readFileSync } from "node:fs";
import type { Db } from "../../db/database.ts";

/**
 * Versioned reference tables of the Bilancio: Missioni/Programmi and piano dei conti levels. Each
 * load adds the rows of one version and points ref_dataset at it; older versions stay readable.
 */
interface Dataset {
  name: string;
  version: string;
  source: string;
  licence: string;
}
interface ReferenceFile {
  missioni: {
    dataset: Dataset;
    missioni: { code: string; name: string }[];
    programmi: { missione: string; code: string; name: string }[];
  };
  pianoDeiConti: { dataset: Dataset; codes: [string, string][] };
}

const FILE = new URL("./data/reference.json", import.meta.url);

export const MISSIONI_DATASET = "arconet-missioni-programmi";
export const PDC_DATASET = "arconet-piano-dei-conti";

/** "U.1.03.02.15" -> 4: the number of numeric segments. */
export const pdcLevel = (code: string) => code.split(".").length - 1;

export async function loadBudgetReferenceData(db: Db): Promise<void> {
  const ref = JSON.parse(readFileSync(FILE, "utf8")) as ReferenceFile;
  const m = ref.missioni;
  await db
    .insertInto("ref_budget_missione")
    .values(m.missioni.map((x) => ({ version: m.dataset.version, missione: x.code, name: x.name })))
    .execute();
  await db
    .insertInto("ref_budget_programme")
    .values(
      m.programmi.map((x) => ({ version: m.dataset.version, missione: x.missione, programma: x.code, name: x.name })),
    )
    .execute();
  const p = ref.pianoDeiConti;
  await db
    .insertInto("ref_piano_conti")
    .values(p.codes.map(([code, name]) => ({ version: p.dataset.version, code, level: pdcLevel(code), name })))
    .execute();
  for (const d of [m.dataset, p.dataset]) {
    await db
      .insertInto("ref_dataset")
      .values(d)
      .onConflict((oc) => oc.column("name").doUpdateSet({ version: d.version, source: d.source, licence: d.licence }))
      .execute();
  }
}
