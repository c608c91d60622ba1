import { z } from "zod";
import { ambitoParams, isoDate } from "../../../shared/contracts/common.ts";

/** Funds of the Ambito: request and response shapes. Amounts are integer cents, shares basis points. */

const cents = z.number().int();
export const fundsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  asOf: isoDate.optional(),
});
export const fundAssignmentParams = ambitoParams.extend({ id: z.coerce.number().int().positive() });

export const fundStatus = z.enum(["ok", "at_risk", "expired", "spent", "no_deadline"]);
export type FundStatus = z.infer<typeof fundStatus>;

export const fundAssignmentDto = z.object({
  id: z.number().int(),
  fundCode: z.string(),
  fundName: z.string(),
  sourceLevel: z.string(),
  year: z.number().int(),
  label: z.string(),
  amountCents: cents,
  sourceAct: z.string(),
  assignedOn: z.string().nullable(),
  spendBy: z.string().nullable(),
  committedCents: cents,
  paidCents: cents,
  /** amount − committed: not yet committed. */
  uncommittedCents: cents,
  /** amount − paid: not yet spent. */
  unpaidCents: cents,
  allocatedBp: z.number().int(),
  /** Share of the time from assignment to deadline already gone, basis points; null without deadline. */
  elapsedBp: z.number().int().nullable(),
  committedBp: z.number().int(),
  status: fundStatus,
});
export type FundAssignmentDto = z.infer<typeof fundAssignmentDto>;

export const fundYearTotalDto = z.object({
  year: z.number().int(),
  assignments: z.number().int(),
  amountCents: cents,
  committedCents: cents,
  paidCents: cents,
});
export const fundsOverviewDto = z.object({
  asOf: z.string(),
  rule: z.string(),
  assignments: z.array(fundAssignmentDto),
  years: z.array(fundYearTotalDto),
  alerts: z.array(fundAssignmentDto),
});
export type FundsOverviewDto = z.infer<typeof fundsOverviewDto>;

export const fundMovementDto = z.object({
  id: z.number().int(),
  kind: z.enum(["commitment", "payment"]),
  onDate: z.string(),
  amountCents: cents,
  act: z.string(),
  description: z.string(),
});
export const fundAllocationDto = z.object({
  id: z.number().int(),
  targetKind: z.enum(["service", "plan_objective", "budget_line"]),
  targetId: z.string(),
  targetLabel: z.string().nullable(),
  /** False when no module has registered a resolver for the kind (the target could not be checked). */
  verified: z.boolean(),
  shareBp: z.number().int(),
  amountCents: cents,
  note: z.string().nullable(),
});
export const fundAssignmentDetailDto = z.object({
  assignment: fundAssignmentDto,
  movements: z.array(fundMovementDto),
  allocations: z.array(fundAllocationDto),
});
export type FundAssignmentDetailDto = z.infer<typeof fundAssignmentDetailDto>;

const text = (max: number) => z.string().trim().min(1).max(max);
export const createAssignmentBody = z
  .object({
    fundCode: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, "a fund code such as FNPS"),
    year: z.number().int().min(2000).max(2100),
    label: z.string().trim().max(200).default(""),
    amountCents: z.number().int().min(0).max(1e15),
    sourceAct: text(300),
    assignedOn: isoDate.nullable().default(null),
    spendBy: isoDate.nullable().default(null),
    notes: z.string().max(2000).nullable().default(null),
  })
  .refine((b) => !b.spendBy || !b.assignedOn || b.spendBy >= b.assignedOn, {
    path: ["spendBy"],
    message: "the deadline cannot come before the assignment date",
  });
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;

export const createMovementBody = z.object({
  kind: z.enum(["commitment", "payment"]),
  onDate: isoDate,
  amountCents: z.number().int().positive().max(1e15),
  act: text(200),
  description: z.string().trim().max(500).default(""),
});
export type CreateMovementBody = z.infer<typeof createMovementBody>;

export const createAllocationBody = z.object({
  targetKind: z.enum(["service", "plan_objective", "budget_line"]),
  targetId: text(64),
  shareBp: z.number().int().min(1).max(10000),
  note: z.string().trim().max(500).nullable().default(null),
});
export type CreateAllocationBody = z.infer<typeof createAllocationBody>;
export const createdDto = z.object({ id: z.number().int() });
