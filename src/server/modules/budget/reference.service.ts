import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { MISSIONI_DATASET, PDC_DATASET } from "./reference-data.ts";

export const referenceDto = z.object({
  missioni: z.object({
    version: z.string(),
    source: z.string(),
    items: z.array(z.object({ missione: z.string(), programma: z.string().nullable(), name: z.string() })),
  }),
  pianoDeiConti: z.object({
    version: z.string(),
    source: z.string(),
    items: z.array(z.object({ code: z.string(), level: z.number().int(), name: z.string() })),
  }),
});

/** The current version of each budget reference table (the one ref_dataset points at). */
export async function budgetReference(db: Db): Promise<z.infer<typeof referenceDto>> {
  const datasets = await db
    .selectFrom("ref_dataset")
    .select(["name", "version", "source"])
    .where("name", "in", [MISSIONI_DATASET, PDC_DATASET])
    .execute();
  const m = datasets.find((d) => d.name === MISSIONI_DATASET) ?? { version: "", source: "" };
  const p = datasets.find((d) => d.name === PDC_DATASET) ?? { version: "", source: "" };
  const [missioni, programmi, pdc] = await Promise.all([
    db.selectFrom("ref_budget_missione").select(["missione", "name"]).where("version", "=", m.version).execute(),
    db
      .selectFrom("ref_budget_programme")
      .select(["missione", "programma", "name"])
      .where("version", "=", m.version)
      .execute(),
    db
      .selectFrom("ref_piano_conti")
      .select(["code", "level", "name"])
      .where("version", "=", p.version)
      .orderBy("code")
      .execute(),
  ]);
  const items = [...missioni.map((x) => ({ missione: x.missione, programma: null, name: x.name })), ...programmi].sort(
    (a, b) => `${a.missione}.${a.programma ?? ""}`.localeCompare(`${b.missione}.${b.programma ?? ""}`),
  );
  return {
    missioni: { version: m.version, source: m.source, items },
    pianoDeiConti: { version: p.version, source: p.source, items: pdc },
  };
}
