import { z } from "zod";
import { ambitoParams } from "./common.ts";

/** Bilancio routes: amounts are integer cents (exact; divide by 100 only to display). */

export const budgetDocumentParams = ambitoParams.extend({ id: z.coerce.number().int().positive() });

const code = z.string().regex(/^\d{1,4}$/, "a numeric code such as 51 or 04");
export const budgetLinesQuery = z.object({
  section: z.enum(["1.A", "1.B", "2.A", "2.B"]).optional(),
  settore: code.optional(),
  missione: z
    .string()
    .regex(/^\d{2}$/, "a 2-digit missione")
    .optional(),
  programma: z
    .string()
    .regex(/^\d{2}$/, "a 2-digit programma")
    .optional(),
});
export type BudgetLinesQuery = z.infer<typeof budgetLinesQuery>;

export const budgetDocumentDto = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: z.enum(["previsione", "assestamento", "rendiconto"]),
  title: z.string(),
  sourceFile: z.string(),
  sha256: z.string(),
  lines: z.number().int(),
  checksFailed: z.number().int(),
  overrideNote: z.string().nullable(),
  importedAt: z.string(),
});
export type BudgetDocumentDto = z.infer<typeof budgetDocumentDto>;

const cents = z.number().int();
export const budgetLineDto = z.object({
  seq: z.number().int(),
  section: z.enum(["1.A", "1.B", "2.A", "2.B"]),
  direzione: z.string(),
  settore: z.string(),
  settoreName: z.string(),
  titolo: z.string(),
  tipologia: z.string().nullable(),
  macroaggregato: z.string().nullable(),
  capitolo: z.number().int(),
  articolo: z.number().int(),
  sub: z.number().int(),
  pdc: z.string().nullable(),
  description: z.string(),
  vincolo: z.boolean(),
  missione: z.string().nullable(),
  programma: z.string().nullable(),
  forecastCents: cents,
  priorForecastCents: cents,
  priorActualCents: cents,
  cronoCents: cents.nullable(),
  newFundsCents: cents.nullable(),
  ptlpCents: cents.nullable(),
  firstLine: z.number().int(),
  lastLine: z.number().int(),
});
export type BudgetLineDto = z.infer<typeof budgetLineDto>;

const summaryRow = z.object({
  key: z.string(),
  lines: z.number().int(),
  forecastCents: cents,
  priorForecastCents: cents,
  priorActualCents: cents,
});
export const budgetSummaryDto = z.object({
  document: budgetDocumentDto,
  section: z.array(summaryRow),
  settore: z.array(summaryRow),
  titolo: z.array(summaryRow),
  group: z.array(summaryRow),
  programma: z.array(summaryRow),
});
export type BudgetSummaryDto = z.infer<typeof budgetSummaryDto>;
