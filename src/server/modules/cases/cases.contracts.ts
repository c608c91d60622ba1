import { z } from "zod";
import { personDto } from "../../../shared/contracts/people.ts";
import { pastDate } from "../people/index.ts";
import { USER_AREAS } from "./schema.ts";

/** Request/response shapes of the Cartella (cases module). */
const istat = z.string().regex(/^\d{6}$/, "must be a 6-digit ISTAT code");
const text = (min: number, max: number, message = "required") => z.string().trim().min(min, message).max(max);

export const caseParams = z.object({ ambito: z.string(), id: z.uuid("must be a UUID") });
export const numParams = z.object({ ambito: z.string(), id: z.coerce.number().int().positive() });

export const ACCESS_POINTS = ["segretariato", "pua"] as const;
export const CHANNELS = ["in_person", "phone", "email", "home_visit", "service_referral"] as const;
export const OUTCOMES = ["information", "presa_in_carico_leggera", "referral", "full_intake"] as const;
export const ROUTINGS = ["social", "health", "complex"] as const;

export const accessContactBody = z
  .object({
    personId: z.uuid().optional(),
    comuneIstat: istat,
    point: z.enum(ACCESS_POINTS),
    channel: z.enum(CHANNELS),
    contactDate: pastDate,
    request: text(3, 2000, "describe the request (at least 3 characters)"),
    needArea: z.enum(USER_AREAS).optional(),
    outcome: z.enum(OUTCOMES),
    puaRouting: z.enum(ROUTINGS).optional(),
    referredTo: text(2, 200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.puaRouting && v.point !== "pua")
      ctx.addIssue({ code: "custom", path: ["puaRouting"], message: "only for contacts at the PUA" });
    if (v.point === "pua" && !v.puaRouting)
      ctx.addIssue({ code: "custom", path: ["puaRouting"], message: "required at the PUA: social, health or complex" });
    if (v.outcome === "referral" && !v.referredTo)
      ctx.addIssue({ code: "custom", path: ["referredTo"], message: "say which service the person was referred to" });
    if (v.outcome !== "information" && !v.personId)
      ctx.addIssue({ code: "custom", path: ["personId"], message: "required unless the contact was only information" });
  });
export const accessContactDto = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  comuneIstat: z.string(),
  point: z.enum(ACCESS_POINTS),
  channel: z.enum(CHANNELS),
  contactDate: z.string(),
  request: z.string(),
  needArea: z.enum(USER_AREAS).nullable(),
  answeredBy: z.number().int(),
  answeredByName: z.string(),
  outcome: z.enum(OUTCOMES),
  puaRouting: z.enum(ROUTINGS).nullable(),
  referredTo: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export const accessListQuery = z.object({
  comuneIstat: istat.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const accessCountsQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

export const CLOSURE_REASONS = [
  "needs_resolved",
  "moved_other_ambito",
  "user_request",
  "age_of_majority",
  "unreachable",
  "deceased",
  "repatriation",
  "other",
] as const;
export const openCaseBody = z.object({
  personId: z.uuid(),
  comuneIstat: istat,
  userArea: z.enum(USER_AREAS),
  siussArea: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  level: z.enum(["voluntary", "court_mandate"]),
  openedOn: pastDate,
  responsibleUserId: z.number().int().positive().optional(),
  teamId: z.number().int().positive().optional(),
  teamUserIds: z.array(z.number().int().positive()).max(20).default([]),
  accessContactId: z.uuid().optional(),
});
export const statusBody = z.object({
  status: z.enum(["open", "suspended"]),
  reason: text(3, 500, "state the reason (at least 3 characters)"),
});
export const closeBody = z.object({
  closedOn: pastDate,
  reason: z.enum(CLOSURE_REASONS),
  note: z.string().trim().max(1000).optional(),
});
export const reopenBody = z.object({ reason: text(3, 500, "state the reason (at least 3 characters)") });
export const transferBody = z.object({
  toComuneIstat: istat,
  toUserId: z.number().int().positive(),
  reason: text(3, 500, "state the reason (at least 3 characters)"),
});
export const teamMemberBody = z.object({ userId: z.number().int().positive() });

export const caseDto = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  comuneIstat: z.string(),
  responsibleUserId: z.number().int(),
  responsibleName: z.string(),
  teamId: z.number().int().nullable(),
  team: z.array(z.object({ userId: z.number().int(), name: z.string(), role: z.enum(["responsible", "member"]) })),
  userArea: z.enum(USER_AREAS),
  siussArea: z.number().int(),
  level: z.enum(["voluntary", "court_mandate"]),
  status: z.enum(["open", "suspended", "closed"]),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  closureNote: z.string().nullable(),
  history: z.array(
    z.object({
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
      byName: z.string().nullable(),
    }),
  ),
  transfers: z.array(
    z.object({ fromComuneIstat: z.string(), toComuneIstat: z.string(), reason: z.string(), at: z.string() }),
  ),
});
export type CaseDto = z.infer<typeof caseDto>;

export const casesQuery = z.object({
  personId: z.uuid().optional(),
  comuneIstat: istat.optional(),
  status: z.enum(["open", "suspended", "closed"]).optional(),
  mine: z.enum(["true", "false"]).default("false"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const caseListItem = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  comuneIstat: z.string(),
  userArea: z.enum(USER_AREAS),
  status: z.enum(["open", "suspended", "closed"]),
  openedOn: z.string(),
  responsibleName: z.string(),
});

// ---- assessments
const formOption = z.object({
  value: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  points: z.number().default(0),
});
const formItem = z.object({
  key: z.string().regex(/^[a-z0-9_]+$/, "lowercase letters, digits and _"),
  label: z.string().min(1).max(300),
  type: z.enum(["choice", "text", "number"]),
  required: z.boolean().default(false),
  options: z.array(formOption).optional(),
  help: z.string().max(500).optional(),
});
export const formDefinition = z.object({
  sections: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9_]+$/),
        title: z.string().min(1).max(200),
        items: z.array(formItem).min(1),
      }),
    )
    .min(1),
  bands: z.array(z.object({ min: z.number(), max: z.number(), label: z.string().min(1).max(100) })).default([]),
});
export type FormDefinition = z.infer<typeof formDefinition>;
export const formBody = z.object({
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase slug"),
  title: text(3, 200),
  kind: z.enum(["pua_first_access", "multidimensional", "other"]),
  definition: formDefinition,
});
export const formDto = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  kind: z.enum(["pua_first_access", "multidimensional", "other"]),
  definition: formDefinition,
});
export const assessmentBody = z.object({
  formId: z.number().int().positive(),
  answers: z.record(z.string(), z.union([z.string().max(2000), z.number()])),
  assessedOn: pastDate,
  notes: z.string().trim().max(4000).optional(),
});
export const assessmentDto = z.object({
  id: z.uuid(),
  formId: z.number().int(),
  formCode: z.string(),
  formTitle: z.string(),
  formVersion: z.number().int(),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  score: z.number().nullable(),
  band: z.string().nullable(),
  assessedOn: z.string(),
  assessedByName: z.string(),
  notes: z.string().nullable(),
});

// ---- plan
export const GOAL_PROGRESS = ["not_started", "in_progress", "achieved", "dropped"] as const;
const goal = z.object({
  id: z.string().min(1).max(40),
  text: text(3, 500, "describe the goal (at least 3 characters)"),
  actions: z
    .array(z.object({ text: text(2, 500), who: text(2, 200, "say who does it"), due: z.iso.date().optional() }))
    .max(30)
    .default([]),
});
export const planBody = z.object({
  /** The version the editor read (0 when creating): a stale version gets 409. */
  version: z.number().int().min(0),
  status: z.enum(["draft", "active", "closed"]),
  summary: z.string().trim().max(4000).default(""),
  goals: z.array(goal).max(30),
  reviewEveryMonths: z.number().int().min(1).max(24).optional(),
  nextReviewOn: z.iso.date().optional(),
  pattoSignedOn: pastDate.optional(),
});
export const planReviewBody = z.object({
  reviewedOn: pastDate,
  progress: z.array(
    z.object({
      goalId: z.string().min(1).max(40),
      status: z.enum(GOAL_PROGRESS),
      note: z.string().max(1000).optional(),
    }),
  ),
  note: z.string().trim().max(4000).optional(),
  /** When set, the plan's next review moves here (a new version) and the "review due" task follows. */
  nextReviewOn: z.iso.date().optional(),
});
export const planDto = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(["draft", "active", "closed"]),
  summary: z.string(),
  goals: z.array(goal),
  reviewEveryMonths: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  pattoSignedOn: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  reviews: z.array(
    z.object({
      reviewedOn: z.string(),
      progress: z.array(z.object({ goalId: z.string(), status: z.enum(GOAL_PROGRESS), note: z.string().optional() })),
      note: z.string().nullable(),
    }),
  ),
});

// ---- interventions
export const INTERVENTION_STATUS = ["planned", "active", "suspended", "ended", "cancelled"] as const;
const cents = z.number().int("whole cents").min(0, "cannot be negative").max(10_000_000_00);
export const interventionBody = z
  .object({
    serviceTypeId: z.number().int().positive(),
    providerOrgId: z.number().int().positive().optional(),
    providerName: text(2, 200).optional(),
    protocol: text(1, 32).optional(),
    startDate: z.iso.date(),
    endDate: z.iso.date().optional(),
    frequency: z.enum(["one_off", "daily", "weekly", "monthly"]).optional(),
    hoursPerPeriod: z.number().min(0).max(744).optional(),
    amountCents: cents,
    shareComuneCents: cents,
    shareUserCents: cents,
    shareHealthCents: cents,
    vouchersIssued: z.number().int().min(0).optional(),
    vouchersUsed: z.number().int().min(0).optional(),
    iseeDeclarationId: z.uuid().optional(),
    status: z.enum(INTERVENTION_STATUS).default("active"),
  })
  .superRefine((v, ctx) => {
    const sum = v.shareComuneCents + v.shareUserCents + v.shareHealthCents;
    if (sum !== v.amountCents) {
      const message = `the shares add up to ${sum} cents, not to the amount of ${v.amountCents} cents`;
      for (const path of ["shareComuneCents", "shareUserCents", "shareHealthCents"])
        ctx.addIssue({ code: "custom", path: [path], message });
    }
    if (v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before the start date" });
    const today = new Date().toISOString().slice(0, 10);
    if (v.startDate > today && v.status !== "planned")
      ctx.addIssue({ code: "custom", path: ["startDate"], message: "in the future: only a planned intervention" });
    if (v.vouchersUsed !== undefined && (v.vouchersIssued ?? 0) < v.vouchersUsed)
      ctx.addIssue({ code: "custom", path: ["vouchersUsed"], message: "more than the vouchers issued" });
    if (v.providerOrgId && v.providerName)
      ctx.addIssue({
        code: "custom",
        path: ["providerName"],
        message: "give the accredited provider or a name, not both",
      });
  });
export const interventionStatusBody = z.object({
  status: z.enum(INTERVENTION_STATUS),
  endDate: z.iso.date().optional(),
  vouchersUsed: z.number().int().min(0).optional(),
});
export const interventionDto = z.object({
  id: z.uuid(),
  serviceTypeId: z.number().int(),
  serviceName: z.string(),
  siussCode: z.string(),
  providerOrgId: z.number().int().nullable(),
  providerName: z.string().nullable(),
  protocol: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  frequency: z.string().nullable(),
  hoursPerPeriod: z.number().nullable(),
  amountCents: z.number().int(),
  shareComuneCents: z.number().int(),
  shareUserCents: z.number().int(),
  shareHealthCents: z.number().int(),
  vouchersIssued: z.number().int().nullable(),
  vouchersUsed: z.number().int().nullable(),
  status: z.enum(INTERVENTION_STATUS),
});

// ---- diary, attachments, tasks
export const NOTE_TYPES = ["interview", "home_visit", "team_meeting", "phone_call", "other"] as const;
export const noteBody = z.object({
  noteType: z.enum(NOTE_TYPES),
  occurredOn: pastDate,
  body: text(3, 20000, "write the note (at least 3 characters)"),
});
export const noteDto = z.object({
  id: z.uuid(),
  noteType: z.enum(NOTE_TYPES),
  occurredOn: z.string(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
export const attachmentDto = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sniffedType: z.string(),
  sizeBytes: z.number().int(),
  description: z.string().nullable(),
  expiresOn: z.string().nullable(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});
export const TASK_KINDS = ["review_due", "document_expiring", "follow_up", "other"] as const;
export const taskBody = z.object({
  kind: z.enum(TASK_KINDS),
  title: text(3, 200),
  dueOn: z.iso.date(),
  assignedTo: z.number().int().positive().optional(),
});
export const taskDto = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  dueOn: z.string(),
  assignedTo: z.number().int(),
  status: z.enum(["open", "done", "cancelled"]),
});
export const referralBody = z.object({
  toService: text(2, 200),
  toOrgId: z.number().int().positive().optional(),
  referredOn: pastDate,
  note: z.string().trim().max(1000).optional(),
});
export const waitingBody = z.object({
  serviceTypeId: z.number().int().positive(),
  priority: z.number().int().min(1).max(5).default(3),
  requestedOn: pastDate,
  note: z.string().trim().max(1000).optional(),
});
export const waitingDto = z.object({
  id: z.uuid(),
  serviceTypeId: z.number().int(),
  serviceName: z.string(),
  personId: z.uuid(),
  caseId: z.uuid().nullable(),
  requestedOn: z.string(),
  priority: z.number().int(),
  status: z.string(),
  position: z.number().int().nullable(),
});

export const caseFileDto = z.object({
  case: caseDto,
  person: personDto,
  access: z.enum(["comune", "team", "grant", "emergency"]),
  assessments: z.array(assessmentDto),
  plan: planDto.nullable(),
  interventions: z.array(interventionDto),
  notes: z.array(noteDto),
  attachments: z.array(attachmentDto),
  tasks: z.array(taskDto),
  waiting: z.array(waitingDto),
  referrals: z.array(
    z.object({
      id: z.uuid(),
      toService: z.string(),
      referredOn: z.string(),
      status: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

export const optionsDto = z.object({
  workers: z.array(z.object({ id: z.number().int(), name: z.string(), comuni: z.array(z.string()) })),
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), comuneIstat: z.string().nullable() })),
  organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
  serviceTypes: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      siussCode: z.string(),
      userArea: z.enum(USER_AREAS),
      unit: z.string(),
      meansTested: z.boolean(),
    }),
  ),
  forms: z.array(formDto.pick({ id: true, code: true, version: true, title: true, kind: true })),
  /** The closure reasons the close form offers (SINBA codes in docs/cases.md). */
  closureReasons: z.array(z.enum(CLOSURE_REASONS)),
});
