import { z } from "zod";

/**
 * The whole plan as one JSON document: the seed files, the export/import format and the archived
 * versions all use it. References between parts are by code; `checkReferences` resolves them.
 */
const code = z.string().trim().min(1).max(40);
const text = z.string().trim().min(1).max(20000);
const opt = text.nullable().optional();
const flag = z.boolean().nullable().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const year = z.number().int().min(2000).max(2100);

export const UNITS = ["count", "percent", "eur", "yes_no", "text"] as const;

export const macroAreaDoc = z.object({ code, title: text });
export const pillarDoc = z.object({ code, title: text });
export const objectiveDoc = z.object({
  code,
  macroArea: code,
  parent: code.nullable().optional(),
  level: z.enum(["general", "specific"]),
  kind: z.enum(["strategic", "innovative", "consolidation"]).nullable().optional(),
  title: text,
  need: opt,
  targetGroup: opt,
  actionsSummary: opt,
  staff: opt,
  budgetCents: z.number().int().min(0).nullable().optional(),
  fundingSource: opt,
  timeline: opt,
  partners: opt,
  leps: z.array(code).default([]),
  pillars: z.array(code).default([]),
  policyAreas: z.array(text).default([]),
  keyPoints: z.array(text).default([]),
  asstInAnalysis: flag,
  asstInDelivery: flag,
  otherAmbiti: flag,
  continuity: flag,
  premialContinuity: flag,
  coProgrammed: flag,
  coDesigned: flag,
  thirdSectorInvolvement: opt,
  otherActors: flag,
  newNeed: opt,
  interventionType: opt,
  innovative: flag,
  digital: opt,
  weight: z.number().positive().default(1),
});
export const actionDoc = z.object({
  code,
  objective: code,
  title: text,
  owner: opt,
  start: isoDate.nullable().optional(),
  end: isoDate.nullable().optional(),
  status: z.enum(["planned", "in_progress", "done", "cancelled"]).default("planned"),
});
export const targetDoc = z.object({
  year,
  value: z.number(),
  /** Optional, checked against the indicator's unit so a target typed in the wrong unit is refused. */
  unit: z.enum(UNITS).optional(),
});
export const indicatorDoc = z.object({
  code,
  objective: code,
  type: z.enum(["input", "output", "process", "outcome"]),
  label: text,
  unit: z.enum(UNITS),
  direction: z.enum(["increase", "decrease", "reach"]).default("increase"),
  baseline: z.number().nullable().optional(),
  source: z.enum(["manual", "computed"]).default("manual"),
  queryKey: code.nullable().optional(),
  weight: z.number().positive().default(1),
  targets: z.array(targetDoc).default([]),
});
export const measurementDoc = z.object({
  indicator: code,
  year,
  value: z.number(),
  unit: z.enum(UNITS).optional(),
  method: z.enum(["manual", "computed"]).default("manual"),
  evidence: opt,
  measuredBy: text,
  measuredAt: z.string().datetime({ offset: true }).optional(),
});
export const evaluationDoc = z.object({
  objective: code,
  achievementPct: z.number().min(0).max(100).nullable().optional(),
  staff: opt,
  staffAdequacy: z.enum(["adeguato", "sufficientemente_adeguato", "insufficiente"]).nullable().optional(),
  budgetCoincidence: opt,
  problems: opt,
  needAnswered: opt,
  continuity: opt,
  reproposed: flag,
  reproposedReasons: opt,
});
export const lepsStatusDoc = z.object({
  leps: code,
  status: z.enum(["not_assessed", "not_started", "partial", "reached"]),
  note: opt,
  objectives: z.array(code).default([]),
});
const MATRIX_CELL = /^AT[1-7]xLI[1-6]$/;
export const asstSheetDoc = z.object({
  code,
  title: text,
  goal: opt,
  problems: opt,
  matrix: z.array(z.string().regex(MATRIX_CELL, "expected a cell AT1-7xLI1-6, e.g. AT2xLI5")).default([]),
  targetGroup: opt,
  description: opt,
  level: opt,
  actors: opt,
  integration: opt,
  resources: opt,
  inPdz: flag,
  startYear: year.nullable().optional(),
  endYear: year.nullable().optional(),
  outputIndicator: opt,
  outcomeIndicator: opt,
});
export const memberDoc = z.object({
  code,
  name: text,
  organisation: text,
  role: opt,
  thirdSector: z.boolean().default(false),
});
export const bodyDoc = z.object({
  code,
  kind: z.enum(["assemblea_sindaci", "tavolo_tecnico", "tavolo_tematico", "cabina_regia", "coprogrammazione", "altro"]),
  name: text,
  members: z.array(memberDoc).default([]),
});
export const meetingDoc = z.object({
  body: code,
  date: isoDate,
  agenda: text,
  minutes: opt,
  decisions: z.array(text).default([]),
  attendees: z.array(code).default([]),
});

export const planDocument = z.object({
  format: z.literal("filiera-plan/1"),
  ambito: z.string().trim().min(1),
  title: text,
  periodStart: year,
  periodEnd: year,
  status: z.enum(["draft", "approved", "in_execution", "evaluated"]).default("draft"),
  version: z.number().int().positive().optional(),
  approval: z.object({ act: text, date: isoDate }).nullable().optional(),
  previousPlan: z.object({ periodStart: year, title: text }).nullable().optional(),
  macroAreas: z.array(macroAreaDoc).default([]),
  pillars: z.array(pillarDoc).default([]),
  objectives: z.array(objectiveDoc).default([]),
  actions: z.array(actionDoc).default([]),
  indicators: z.array(indicatorDoc).default([]),
  measurements: z.array(measurementDoc).default([]),
  evaluations: z.array(evaluationDoc).default([]),
  leps: z.array(lepsStatusDoc).default([]),
  asstSheets: z.array(asstSheetDoc).default([]),
  governance: z
    .object({ bodies: z.array(bodyDoc).default([]), meetings: z.array(meetingDoc).default([]) })
    .default({ bodies: [], meetings: [] }),
});
export type PlanDocument = z.infer<typeof planDocument>;
export type PlanDocumentInput = z.input<typeof planDocument>;
export type ObjectiveDoc = z.infer<typeof objectiveDoc>;
export type IndicatorDoc = z.infer<typeof indicatorDoc>;
export type MeasurementDoc = z.infer<typeof measurementDoc>;
export type ActionDoc = z.infer<typeof actionDoc>;
export type EvaluationDoc = z.infer<typeof evaluationDoc>;
