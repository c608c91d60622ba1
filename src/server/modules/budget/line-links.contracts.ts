import { z } from "zod";

const lineId = z
  .string()
  .trim()
  .regex(/^\d{1,9}:\d{1,6}\/\d{1,4}\/\d{1,4}$/, "DOCUMENT:CAPITOLO/ARTICOLO/SUB, e.g. 3:3752/5/0");
const targetKind = z.enum(["service", "plan_objective"]);
const targetId = z.string().trim().min(1, "required").max(64);

export const createLineLinkBody = z.object({
  lineId,
  targetKind,
  targetId,
  shareBp: z.number().int().min(1).max(10000),
});
export type CreateLineLinkBody = z.infer<typeof createLineLinkBody>;

export const lineLinksQuery = z.object({ lineId });
export const deleteLineLinkQuery = z.object({ lineId, targetKind, targetId });
export const costQuery = z.object({ targetKind, targetId });

export const lineLinkDto = z.object({
  lineId: z.string(),
  lineLabel: z.string(),
  targetKind,
  targetId: z.string(),
  targetLabel: z.string(),
  shareBp: z.number().int(),
  /** The line's forecast times the share. */
  forecastCents: z.number().int(),
});
export const lineLinksDto = z.object({
  line: z
    .object({
      section: z.string(),
      description: z.string(),
      settore: z.string(),
      programma: z.string().nullable(),
      forecastCents: z.number().int(),
      /** Only spending lines (1.B, 2.B) may be linked. */
      spending: z.boolean(),
    })
    .nullable(),
  items: z.array(lineLinkDto),
});

export const targetCostDto = z.object({
  targetKind,
  targetId: z.string(),
  targetLabel: z.string(),
  funds: z.array(
    z.object({
      assignmentId: z.number().int(),
      fundCode: z.string(),
      year: z.number().int(),
      shareBp: z.number().int(),
      cents: z.number().int(),
    }),
  ),
  fundsCents: z.number().int(),
  lines: z.array(lineLinkDto),
  linesForecastCents: z.number().int(),
});
