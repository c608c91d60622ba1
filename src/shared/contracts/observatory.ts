import { z } from "zod";

const series = z.string().regex(/^[a-z][a-z0-9_]*$/, "snake_case series name");
const age = z.number().int().min(0).max(120);

export const countMeasure = z.object({
  kind: z.literal("count"),
  series,
  ageFrom: age.optional(),
  ageTo: age.nullable().optional(),
  sex: z.enum(["M", "F"]).optional(),
  citizenship: z.literal("foreign").optional(),
});
export type CountMeasure = z.infer<typeof countMeasure>;

export const measure = z.discriminatedUnion("kind", [
  countMeasure,
  z.object({ kind: z.literal("percent"), of: countMeasure, per: countMeasure }),
  z.object({ kind: z.literal("indicator"), code: z.string().min(1) }).passthrough(),
  z.object({ kind: z.literal("mean"), of: z.unknown() }),
]);
export type Measure = z.infer<typeof measure>;

const year = z.number().int().min(1900).max(2200);

/** A column's year, or null when the rows are years (then each row has `year`) or it spans a period. */
export const publishedColumn = z.object({ key: z.string().min(1), year: year.nullable(), measure }).passthrough();
export type PublishedColumn = z.infer<typeof publishedColumn>;

export const ROW_KINDS = ["comune", "total", "mean", "ambito", "reference", "other"] as const;

export const publishedRow = z.object({
  label: z.string().min(1),
  kind: z.enum(ROW_KINDS),
  comune: z.string().optional(),
  ageFrom: age.optional(),
  ageTo: age.nullable().optional(),
  line: z.number().int().positive().optional(),
  year: year.optional(),
  values: z.record(z.string(), z.number()),
});
export type PublishedRow = z.infer<typeof publishedRow>;

export const publishedTable = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  lines: z.tuple([z.number().int(), z.number().int()]).optional(),
  source: z.string().nullable().optional(),
  referenceDate: z.iso.date().nullable().optional(),
  columns: z.array(publishedColumn).min(1),
  rows: z.array(publishedRow).min(1),
  notes: z.string().optional(),
});
export type PublishedTable = z.infer<typeof publishedTable>;

export const publishedDocument = z.object({
  ambito: z.string().min(1),
  document: z.string().min(1),
  seed: z.string().optional(),
  tables: z.array(publishedTable).min(1),
});
export type PublishedDocument = z.infer<typeof publishedDocument>;

export const DISCREPANCY_KINDS = ["sum", "mean", "index", "percentage", "count"] as const;

export const discrepancyDto = z.object({
  document: z.string(),
  table: z.string(),
  row: z.string(),
  column: z.string(),
  line: z.number().int().nullable(),
  kind: z.enum(DISCREPANCY_KINDS),
  published: z.number(),
  recomputed: z.number(),
  difference: z.number(),
  severity: z.enum(["minor", "major"]),
  explanation: z.string(),
});
export type DiscrepancyDto = z.infer<typeof discrepancyDto>;

export const indicatorValueDto = z.object({
  territory: z.string(),
  indicator: z.string(),
  year: z.number().int(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  origin: z.enum(["computed", "published"]),
  table: z.string().nullable(),
});

export const profileDto = z.object({
  ambito: z.object({ slug: z.string(), name: z.string() }),
  comuni: z.array(z.object({ istatCode: z.string(), name: z.string() })),
  years: z.array(z.number().int()),
  indicators: z.array(z.object({ code: z.string(), unit: z.string(), formula: z.string() })),
  population: z.array(z.object({ territory: z.string(), year: z.number().int(), value: z.number() })),
  values: z.array(indicatorValueDto),
});
export type ProfileDto = z.infer<typeof profileDto>;

export const publishedTableDto = z.object({
  id: z.number().int(),
  document: z.string(),
  code: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  lines: z.tuple([z.number().int(), z.number().int()]).nullable(),
  columns: z.array(publishedColumn.extend({ printedYear: z.number().int().nullable().optional() })),
  rows: z.array(
    z.object({
      label: z.string(),
      kind: z.enum(ROW_KINDS),
      comuneIstat: z.string().nullable(),
      line: z.number().int().nullable(),
      year: z.number().int().nullable(),
      values: z.record(z.string(), z.number()),
    }),
  ),
});
export type PublishedTableDto = z.infer<typeof publishedTableDto>;
