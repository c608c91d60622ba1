import { z } from "zod";

/** Bilancio analysis: pivot, comparison, coverage. Amounts integer cents; percentages with 2 decimals. */

export const AXES = ["settore", "titolo", "macroaggregato", "pdc", "missione", "programma", "line"] as const;
export type Axis = (typeof AXES)[number];

const flag = z.enum(["true", "false"]).transform((v) => v === "true");
export const analysisFilters = z.object({
  side: z.enum(["entrate", "spese"]).default("spese"),
  section: z.enum(["1.A", "1.B", "2.A", "2.B"]).optional(),
  settore: z
    .string()
    .regex(/^[0-9A-Za-z]{1,10}$/, "a settore code such as 51")
    .optional(),
  titolo: z
    .string()
    .regex(/^\d{1,2}$/, "a titolo such as 1")
    .optional(),
  macroaggregato: z
    .string()
    .regex(/^\d{1,2}(\.\d{2})?$/, "titolo.tipologia or titolo.macroaggregato, such as 1.03")
    .optional(),
  pdc: z
    .string()
    .regex(/^[EU](\.\d{1,3}){1,5}$/, "a piano dei conti code such as U.1.03.02")
    .optional(),
  missione: z
    .string()
    .regex(/^\d{2}$/, "a 2-digit missione")
    .optional(),
  programma: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, "missione.programma such as 12.04")
    .optional(),
  vincolo: flag.optional(),
});
export type AnalysisFilters = z.infer<typeof analysisFilters>;

export const pivotQuery = analysisFilters.extend({
  rows: z.enum(AXES).default("settore"),
  /** Piano dei conti level (1 = titolo … 5 = the full code), for rows=pdc. */
  level: z.coerce.number().int().min(1).max(5).default(3),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
  limit: z.coerce.number().int().min(1).max(50_000).default(5_000),
});
export type PivotQuery = z.infer<typeof pivotQuery>;

const cents = z.number().int();
const pct = z.number().nullable();
export const pivotRowDto = z.object({
  key: z.string(),
  label: z.string().nullable(),
  lines: z.number().int(),
  forecastCents: cents,
  priorForecastCents: cents,
  priorActualCents: cents,
  /** forecast − prior forecast, and as a percentage of the prior forecast (null when that is 0). */
  diffPriorForecastCents: cents,
  pctPriorForecast: pct,
  /** forecast − prior actual, and as a percentage of the prior actual. */
  diffPriorActualCents: cents,
  pctPriorActual: pct,
  /** rows=line only: where the line sits. */
  line: z
    .object({
      section: z.string(),
      settore: z.string(),
      settoreName: z.string(),
      pdc: z.string().nullable(),
      pdcName: z.string().nullable(),
      missione: z.string().nullable(),
      programma: z.string().nullable(),
      programmaName: z.string().nullable(),
      vincolo: z.boolean(),
      firstLine: z.number().int(),
    })
    .optional(),
});
export type PivotRowDto = z.infer<typeof pivotRowDto>;

export const pivotDto = z.object({
  documentId: z.number().int(),
  year: z.number().int(),
  rows: z.enum(AXES),
  level: z.number().int(),
  side: z.enum(["entrate", "spese"]),
  items: z.array(pivotRowDto),
  total: pivotRowDto,
  truncated: z.boolean(),
});
export type PivotDto = z.infer<typeof pivotDto>;

export const compareQuery = z.object({
  side: z.enum(["entrate", "spese"]).default("spese"),
  /** The document to compare with (e.g. last year's forecast, or a rendiconto); none: within the document. */
  with: z.coerce.number().int().positive().optional(),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
  limit: z.coerce.number().int().min(1).max(50_000).default(2_000),
});
export type CompareQuery = z.infer<typeof compareQuery>;

export const LINE_STATUSES = ["new", "discontinued", "unplanned"] as const;
export const compareLineDto = z.object({
  status: z.enum(LINE_STATUSES),
  section: z.string(),
  key: z.string(),
  settore: z.string(),
  description: z.string(),
  forecastCents: cents,
  otherCents: cents,
  priorActualCents: cents,
});
export const compareDto = z.object({
  documentId: z.number().int(),
  withDocumentId: z.number().int().nullable(),
  side: z.enum(["entrate", "spese"]),
  rules: z.record(z.string(), z.string()),
  summary: z.array(
    z.object({
      status: z.enum(LINE_STATUSES),
      lines: z.number().int(),
      forecastCents: cents,
      otherCents: cents,
      priorActualCents: cents,
    }),
  ),
  /** Both documents side by side, per settore (forecast of this one, forecast of the other). */
  settori: z.array(
    z.object({
      settore: z.string(),
      label: z.string().nullable(),
      forecastCents: cents,
      otherCents: cents,
      diffCents: cents,
      pct,
    }),
  ),
  lines: z.array(compareLineDto),
  truncated: z.boolean(),
});
export type CompareDto = z.infer<typeof compareDto>;

const triple = z.object({ forecastCents: cents, priorForecastCents: cents, priorActualCents: cents });
export const coverageRowDto = z.object({
  settore: z.string(),
  label: z.string().nullable(),
  revenue: triple,
  spending: triple,
  restrictedRevenue: triple,
  restrictedSpending: triple,
  /** revenue / spending × 100 per column (null when nothing is spent). */
  coveragePct: z.object({ forecast: pct, priorForecast: pct, priorActual: pct }),
});
export const coverageDto = z.object({
  documentId: z.number().int(),
  part: z.enum(["corrente", "capitale"]),
  rows: z.array(coverageRowDto),
  total: coverageRowDto,
});
export type CoverageDto = z.infer<typeof coverageDto>;
export const coverageQuery = z.object({
  part: z.enum(["corrente", "capitale"]).default("corrente"),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
});
