import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import { AppError } from "../../platform/errors.ts";

/**
 * A saved column mapping for tabular budgets (CSV/XLSX, e.g. BDAP open data): which column holds
 * which field of a budget line. Column names are matched case- and accent-insensitively; "{year}"
 * and "{year-1}" in a name stand for the document's year, so one mapping serves every year.
 */
export const MAPPED_FIELDS = [
  "settore",
  "settoreName",
  "capitolo",
  "articolo",
  "sub",
  "description",
  "titolo",
  "tipologia",
  "macroaggregato",
  "missione",
  "programma",
  "pdc",
  "vincolo",
  "forecast",
  "priorForecast",
  "priorActual",
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
export const REQUIRED_FIELDS: MappedField[] = ["capitolo", "articolo", "description", "titolo", "forecast"];

const column = z.string().trim().min(1).max(200);
export const tableMapping = z
  .object({
    /** entrate or spese for the whole file, or read from a column whose values are mapped. */
    side: z.union([
      z.enum(["entrate", "spese"]),
      z.object({ column, values: z.record(z.string(), z.enum(["entrate", "spese"])) }),
    ]),
    year: z.union([z.number().int().min(1900).max(2200), z.object({ column })]),
    kind: z.enum(["previsione", "assestamento", "rendiconto"]).default("previsione"),
    /** Sheet or file without a header line is not supported: the first record names the columns. */
    columns: z
      .object(
        Object.fromEntries(MAPPED_FIELDS.map((f) => [f, column.optional()])) as Record<
          MappedField,
          z.ZodOptional<typeof column>
        >,
      )
      .strict(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const f of REQUIRED_FIELDS)
      if (!m.columns[f]) ctx.addIssue({ code: "custom", path: ["columns", f], message: `the ${f} column is required` });
  });
export type TableMapping = z.infer<typeof tableMapping>;

export const mappingName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "lowercase letters, digits, - and _");

/** Parses a mapping, reporting every problem with its path. */
export function parseMapping(raw: unknown): TableMapping {
  const r = tableMapping.safeParse(raw);
  if (!r.success)
    throw new AppError(
      "VALIDATION",
      "invalid column mapping",
      r.error.issues.map((i) => ({ path: ["mapping", ...i.path].join("."), message: i.message })),
    );
  return r.data;
}

export async function saveMapping(db: Db, ambitoId: number, name: string, raw: unknown, actorUserId: number | null) {
  if (!mappingName.safeParse(name).success)
    throw new AppError("VALIDATION", "invalid mapping name", [
      { path: "name", message: "lowercase letters, digits, - and _" },
    ]);
  const mapping = parseMapping(raw);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("budget_mapping")
      .values({ ambito_id: ambitoId, name, mapping: JSON.stringify(mapping), created_by: actorUserId })
      .onConflict((oc) =>
        oc.columns(["ambito_id", "name"]).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: new Date() }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ambitoId,
      actorUserId,
      actorKind: actorUserId ? "user" : "cli",
      action: "budget.mapping_save",
      entityType: "budget_mapping",
      entityId: String(row.id),
      details: { name },
    });
    return { id: row.id, mapping };
  });
}

export async function loadMapping(db: Db, ambitoId: number, name: string): Promise<TableMapping | null> {
  const row = await db
    .selectFrom("budget_mapping")
    .select("mapping")
    .where("ambito_id", "=", ambitoId)
    .where("name", "=", name)
    .executeTakeFirst();
  return row ? parseMapping(row.mapping) : null;
}

export function listMappings(db: Db, ambitoId: number) {
  return db
    .selectFrom("budget_mapping")
    .select(["id", "name", "mapping", "updated_at"])
    .where("ambito_id", "=", ambitoId)
    .orderBy("name")
    .execute();
}
