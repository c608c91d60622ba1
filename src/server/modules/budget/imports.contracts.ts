import { z } from "zod";

/**
 * One shape for both importers' answers over HTTP (the CLI --json prints each importer's own):
 * the web page shows report and table imports with the same summary and problems table.
 */
export const importProblemDto = z.object({
  line: z.number().int().nullable(),
  /** The mapped field (tables) or null (reports, whose problems are per record). */
  field: z.string().nullable(),
  expected: z.string(),
  found: z.string(),
});

export const importCheckDto = z.object({
  name: z.string(),
  line: z.number().int().nullable(),
  expected: z.string(),
  found: z.string(),
  passed: z.boolean(),
});

export const importReportDto = z.object({
  ok: z.boolean(),
  status: z.enum(["imported", "dry-run", "already-imported", "refused"]),
  message: z.string(),
  documentId: z.number().int().nullable(),
  file: z.string(),
  sha256: z.string(),
  meta: z.object({ year: z.number().int(), kind: z.string(), title: z.string() }).nullable(),
  /** Lines and totals (cents) per section and amount column. */
  sections: z.record(
    z.string(),
    z.object({ lines: z.number().int(), totalsCents: z.record(z.string(), z.number().int()) }),
  ),
  checks: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.array(importCheckDto) }),
  problems: z.array(importProblemDto),
  /** Problems found in all; only the first 200 are listed. */
  problemCount: z.number().int(),
  /** Failed checks may be accepted with a reason (report layout only), as the CLI allows. */
  overrideAllowed: z.boolean(),
  overrideNote: z.string().nullable(),
  mapping: z.string().nullable(),
});
export type ImportReportDto = z.infer<typeof importReportDto>;

export const headerDto = z.object({ file: z.string(), columns: z.array(z.string()) });

export const mappingDto = z.object({
  id: z.number().int(),
  name: z.string(),
  mapping: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});
export const saveMappingBody = z.object({
  name: z.string().trim().min(1).max(63),
  mapping: z.record(z.string(), z.unknown()),
});

const flag = z
  .enum(["true", "false", "on", ""])
  .optional()
  .transform((v) => v === "true" || v === "on");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** Multipart text fields of POST …/imports/report. */
export const reportImportFields = z
  .object({
    year: z
      .string()
      .regex(/^(\d{4})?$/, "a year such as 2022")
      .optional()
      .transform((v) => (v ? Number(v) : undefined)),
    kind: z
      .enum(["previsione", "assestamento", "rendiconto", ""])
      .optional()
      .transform((v) => v || undefined),
    dryRun: flag,
    acceptFailedChecks: optionalText(500),
  })
  .strict();

/** Multipart text fields of POST …/imports/table: a saved mapping's name or a mapping as JSON. */
export const tableImportFields = z
  .object({
    mapping: optionalText(63),
    mappingJson: optionalText(20_000),
    title: optionalText(200),
    dryRun: flag,
  })
  .strict()
  .refine((f) => Boolean(f.mapping) !== Boolean(f.mappingJson), {
    path: ["mapping"],
    message: "give a saved mapping's name or a mapping as JSON (one of the two)",
  });
