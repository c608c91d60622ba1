/** Request/response schemas of the catalogue module; the web app imports the types only. */
import { z } from "zod";
import { ambitoSlug, istatCode } from "../../../shared/contracts/common.ts";
import { fiscalCodeProblem } from "../../../shared/fiscal-code.ts";
import { factsSchema, ruleSchema, scoringSchema } from "./rules/engine.ts";

export const USER_AREAS = [
  "famiglia_minori",
  "disabili",
  "dipendenze",
  "anziani",
  "immigrati",
  "poverta_disagio_adulti",
  "multiutenza",
] as const;
const id = z.coerce.number().int().positive().max(2_147_483_647);
const text = z.object({ it: z.string(), en: z.string() });

export const searchQuery = z.object({
  ambito: ambitoSlug.optional(),
  q: z.string().trim().max(200).optional(),
  area: z.enum(USER_AREAS).optional(),
  comune: istatCode.optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  kind: z.enum(["unit", "service", "measure"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const locationDto = z.object({
  id: z.number(),
  name: z.string().nullable(),
  address: z.string(),
  comuneIstat: z.string(),
  comuneName: z.string(),
  postalCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  openingHours: z.string().nullable(),
});
export type LocationDto = z.infer<typeof locationDto>;

export const serviceSummaryDto = z.object({
  id: z.number(),
  ambito: z.string(),
  name: z.string(),
  kind: z.enum(["unit", "service", "measure"]),
  unitType: z.string().nullable(),
  userArea: z.enum(USER_AREAS),
  providerName: z.string(),
  capacity: z.number().nullable(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  comuneName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  lastVerifiedAt: z.string().nullable(),
});
export type ServiceSummaryDto = z.infer<typeof serviceSummaryDto>;
export const searchResponse = z.object({ items: z.array(serviceSummaryDto), total: z.number() });
export type SearchResponse = z.infer<typeof searchResponse>;

export const serviceDto = serviceSummaryDto.extend({
  description: z.string(),
  providerKind: z.string(),
  siussCode: z.string().nullable(),
  targetGroups: z.array(z.string()),
  cost: z.string().nullable(),
  copayment: z.string().nullable(),
  howToAccess: z.string().nullable(),
  eligibility: z.array(ruleSchema),
  status: z.enum(["draft", "submitted", "approved", "rejected"]),
  reviewNote: z.string().nullable(),
  source: z.string().nullable(),
  locations: z.array(locationDto),
  calls: z.array(z.object({ code: z.string(), title: z.string(), status: z.string(), deadline: z.string() })),
});
export type ServiceDto = z.infer<typeof serviceDto>;

export const serviceParams = z.object({ ambito: ambitoSlug, id });
export const callParams = z.object({ ambito: ambitoSlug, code: z.string().regex(/^[a-z0-9-]{1,80}$/) });
export const callIdParams = z.object({ ambito: ambitoSlug, id });
export const applicationParams = z.object({ ambito: ambitoSlug, id });
export const attachmentParams = z.object({ ambito: ambitoSlug, id, attachmentId: id });

export const requiredDocument = z.object({ code: z.string(), label: z.string() });
export const callDto = z.object({
  id: z.number(),
  ambito: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(["draft", "open", "paused", "closed"]),
  acceptsApplications: z.boolean(),
  opensAt: z.string(),
  deadline: z.string(),
  budgetCents: z.number().nullable(),
  maxGrantCents: z.number(),
  eligibility: z.array(ruleSchema),
  scoring: scoringSchema,
  requiredDocuments: z.array(requiredDocument),
  serviceId: z.number().nullable(),
  source: z.string().nullable(),
  rankingPublishedAt: z.string().nullable(),
});
export type CallDto = z.infer<typeof callDto>;

export const ruleResultDto = z.object({
  id: z.string(),
  label: text,
  outcome: z.enum(["pass", "fail", "unknown", "not_applicable"]),
  explanation: text,
  missing: z.array(z.string()),
  facts: z.array(z.string()),
});
export const evaluationDto = z.object({
  status: z.enum(["eligible", "not_eligible", "incomplete"]),
  results: z.array(ruleResultDto),
});
export type EvaluationDto = z.infer<typeof evaluationDto>;
export const checkBody = z.object({ facts: factsSchema });

export const fitBody = z.object({
  ambito: ambitoSlug,
  age: z.number().int().min(0).max(120).optional(),
  area: z.enum(USER_AREAS).optional(),
  comune: istatCode.optional(),
  facts: factsSchema.default({}),
});
export const fitResponse = z.object({
  services: z.array(serviceSummaryDto),
  calls: z.array(z.object({ code: z.string(), title: z.string(), evaluation: evaluationDto })),
});
export type FitResponse = z.infer<typeof fitResponse>;

export const fiscalCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => fiscalCodeProblem(v) === null, "not a valid codice fiscale");

export const applicationBody = z.object({
  applicantName: z.string().trim().min(2).max(200),
  applicantFiscalCode: fiscalCode,
  /** The ISEE declarant: identifies the household, so one application per household and call. */
  householdFiscalCode: fiscalCode,
  /**
   * Comune of residence (ISTAT), one of the Ambito's: optional in a draft, required on submission,
   * because an approval refers the person to that Comune's social service (Cartella).
   */
  applicantComune: istatCode.optional(),
  facts: factsSchema,
  requestedCents: z.number().int().min(1).max(100_000_000),
  onBehalf: z
    .object({ kind: z.enum(["caf", "patronato", "social_worker"]), note: z.string().trim().max(200).optional() })
    .optional(),
});
export type ApplicationBody = z.infer<typeof applicationBody>;
export const createApplicationBody = applicationBody.extend({ callCode: z.string().regex(/^[a-z0-9-]{1,80}$/) });
export const applicationUpdateBody = applicationBody.partial();

export const attachmentBody = z.object({
  documentCode: z.string().min(1).max(60),
  filename: z.string().trim().min(1).max(200),
  mediaType: z.string().max(100),
  contentBase64: z.string().min(4).max(4_000_000),
});

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "under_review",
  "needs_documents",
  "approved",
  "rejected",
  "appealed",
] as const;
export const attachmentDto = z.object({
  id: z.number(),
  documentCode: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export const applicationDto = z.object({
  id: z.number(),
  ambito: z.string(),
  callCode: z.string(),
  callTitle: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  applicantName: z.string(),
  applicantFiscalCode: z.string(),
  applicantComune: z.string().nullable(),
  /** The Cartella access contact the approval created; null when no referral was made. */
  referralContactId: z.string().nullable(),
  onBehalfKind: z.string().nullable(),
  onBehalfNote: z.string().nullable(),
  facts: factsSchema,
  requestedCents: z.number(),
  protocolNumber: z.string().nullable(),
  receiptCode: z.string().nullable(),
  score: z.number().nullable(),
  scoreNote: z.string().nullable(),
  decisionReason: z.string().nullable(),
  documentsRequest: z.string().nullable(),
  appealText: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  evaluation: evaluationDto,
  attachments: z.array(attachmentDto),
  missingDocuments: z.array(requiredDocument),
});
export type ApplicationDto = z.infer<typeof applicationDto>;
export const applicationSummaryDto = applicationDto.pick({
  id: true,
  callCode: true,
  callTitle: true,
  status: true,
  protocolNumber: true,
  receiptCode: true,
  submittedAt: true,
  score: true,
  onBehalfKind: true,
  applicantName: true,
});
export type ApplicationSummaryDto = z.infer<typeof applicationSummaryDto>;

export const receiptDto = z.object({
  protocolNumber: z.string(),
  receiptCode: z.string(),
  submittedAt: z.string(),
});
export const statusLookupDto = z.object({
  ambito: z.string(),
  callTitle: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  protocolNumber: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  documentsRequest: z.string().nullable(),
  decisionReason: z.string().nullable(),
  ranking: z
    .object({ pseudoId: z.string(), rank: z.number(), outcome: z.enum(["funded", "waiting"]), fundedCents: z.number() })
    .nullable(),
});
export type StatusLookupDto = z.infer<typeof statusLookupDto>;

export const reviewBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start_review") }),
  z.object({ action: z.literal("request_documents"), reason: z.string().trim().min(3).max(1000) }),
  z.object({ action: z.literal("approve"), reason: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal("reject"), reason: z.string().trim().min(3).max(1000) }),
  z.object({ action: z.literal("score"), score: z.number().min(0).max(1000), note: z.string().trim().min(3).max(500) }),
]);
export type ReviewBody = z.infer<typeof reviewBody>;

export const queueQuery = z.object({ status: z.enum(APPLICATION_STATUSES).optional() });
export const callAdminDto = callDto.extend({
  counts: z.record(z.string(), z.number()),
});
export type CallAdminDto = z.infer<typeof callAdminDto>;
export const callStatusBody = z.object({ status: z.enum(["open", "paused", "closed"]) });

export const rankingRowDto = z.object({
  rank: z.number(),
  pseudoId: z.string(),
  score: z.number(),
  outcome: z.enum(["funded", "waiting"]),
  fundedCents: z.number(),
});
export const rankingDto = z.object({
  callCode: z.string(),
  callTitle: z.string(),
  budgetCents: z.number().nullable(),
  publishedAt: z.string().nullable(),
  fundedCount: z.number(),
  waitingCount: z.number(),
  fundedCents: z.number(),
  rows: z.array(rankingRowDto.extend({ applicationId: z.number().optional(), protocolNumber: z.string().optional() })),
});
export type RankingDto = z.infer<typeof rankingDto>;

export const listingBody = z.object({
  name: z.string().trim().min(3).max(200),
  kind: z.enum(["unit", "service", "measure"]),
  unitType: z.string().trim().max(60).nullable().optional(),
  description: z.string().trim().max(5000).default(""),
  userArea: z.enum(USER_AREAS),
  siussCode: z
    .string()
    .regex(/^[A-Z]\d\.\d{2}$/, "must be a SIUSS code such as A1.05")
    .nullable()
    .optional(),
  targetGroups: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  ageMin: z.number().int().min(0).max(120).nullable().optional(),
  ageMax: z.number().int().min(0).max(120).nullable().optional(),
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  cost: z.string().trim().max(1000).nullable().optional(),
  copayment: z.string().trim().max(1000).nullable().optional(),
  howToAccess: z.string().trim().max(2000).nullable().optional(),
  keywords: z.string().trim().max(500).default(""),
  providerId: z.number().int().positive().optional(),
  location: z
    .object({
      address: z.string().trim().min(3).max(300),
      comuneIstat: istatCode,
      openingHours: z.string().trim().max(300).nullable().optional(),
      latitude: z.number().min(-90).max(90).nullable().optional(),
      longitude: z.number().min(-180).max(180).nullable().optional(),
    })
    .optional(),
});
export type ListingBody = z.infer<typeof listingBody>;
export const listingReviewBody = z.object({
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(1000).optional(),
});
export const listingsQuery = z.object({ status: z.enum(["draft", "submitted", "approved", "rejected"]).optional() });
export const providerDto = z.object({ id: z.number(), name: z.string(), kind: z.string() });
