import { z } from "zod";
import { fiscalCode, personDto } from "../../../shared/contracts/people.ts";

/** Request/response shapes of the people module beyond the shared registry contract. */
export const today = () => new Date().toISOString().slice(0, 10);
export const pastDate = z.iso.date().refine((d) => d <= today(), "cannot be in the future");

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const personDetailFields = {
  birthPlaceCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]\d{3}$/, "must be a codice catastale such as H623 (Z-code for a foreign country)")
    .optional(),
  citizenshipCode: z
    .string()
    .regex(/^\d{3}$/, "must be a 3-digit ISTAT country code (100 = Italia)")
    .optional(),
  residenceComuneIstat: z
    .string()
    .regex(/^\d{6}$/, "must be a 6-digit ISTAT code")
    .optional(),
  residenceAddress: optionalText(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{6,20}$/, "must be a phone number")
    .optional(),
  email: z.email("must be an email address").optional(),
  provisionalReason: optionalText(200),
};

export const createPersonBody = z
  .object({
    comuneIstat: z.string().regex(/^\d{6}$/, "must be a 6-digit ISTAT code"),
    fiscalCode: fiscalCode.optional(),
    /** A person without a codice fiscale (e.g. newly arrived) gets a provisional identity. */
    provisional: z.boolean().default(false),
    familyName: z.string().trim().min(1, "required").max(120),
    givenName: z.string().trim().min(1, "required").max(120),
    sex: z.enum(["F", "M"]).optional(),
    birthDate: pastDate.optional(),
    citizenship: z.string().trim().max(80).optional(),
    ...personDetailFields,
  })
  .refine((p) => p.provisional || p.fiscalCode, {
    message: "required unless the identity is provisional",
    path: ["fiscalCode"],
  });
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object({
  familyName: z.string().trim().min(1, "required").max(120).optional(),
  givenName: z.string().trim().min(1, "required").max(120).optional(),
  sex: z.enum(["F", "M"]).optional(),
  birthDate: pastDate.optional(),
  citizenship: z.string().trim().max(80).optional(),
  /** Replaces a provisional identity with the real codice fiscale. */
  fiscalCode: fiscalCode.optional(),
  ...personDetailFields,
});

export const personDetailDto = z.object({
  birthPlaceCode: z.string().nullable(),
  citizenshipCode: z.string().nullable(),
  residenceComuneIstat: z.string().nullable(),
  residenceAddress: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  provisionalReason: z.string().nullable(),
});

export const ISEE_KINDS = ["ordinario", "minorenni", "sociosanitario", "corrente", "universitario"] as const;
export const iseeBody = z
  .object({
    kind: z.enum(ISEE_KINDS).default("ordinario"),
    valueCents: z.number().int().min(0, "cannot be negative").max(100_000_000_00),
    dsuProtocol: z
      .string()
      .trim()
      .regex(/^[A-Z0-9-]{5,30}$/i, "must be the DSU protocol (5-30 letters, digits, dashes)")
      .optional(),
    dsuDate: pastDate.optional(),
    validFrom: z.iso.date(),
    validTo: z.iso.date(),
  })
  .refine((v) => v.validTo >= v.validFrom, { message: "must not be before validFrom", path: ["validTo"] });
export const iseeDto = z.object({
  id: z.uuid(),
  kind: z.enum(ISEE_KINDS),
  valueCents: z.number().int(),
  dsuProtocol: z.string().nullable(),
  dsuDate: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  current: z.boolean(),
});

export const RELATIONS = [
  "intestatario",
  "coniuge",
  "convivente",
  "figlio",
  "genitore",
  "fratello",
  "nonno",
  "nipote",
  "altro",
] as const;
export const householdBody = z.object({
  comuneIstat: z.string().regex(/^\d{6}$/, "must be a 6-digit ISTAT code"),
  address: optionalText(200),
  members: z
    .array(z.object({ personId: z.uuid(), relation: z.enum(RELATIONS), fromDate: pastDate.optional() }))
    .min(1, "a household has at least one member")
    .max(30),
});
export const householdMemberBody = z.object({
  personId: z.uuid(),
  relation: z.enum(RELATIONS),
  fromDate: pastDate.optional(),
});
export const householdDto = z.object({
  id: z.uuid(),
  comuneIstat: z.string(),
  address: z.string().nullable(),
  members: z.array(
    z.object({
      personId: z.uuid(),
      familyName: z.string(),
      givenName: z.string(),
      birthDate: z.string().nullable(),
      relation: z.enum(RELATIONS),
      fromDate: z.string(),
    }),
  ),
});

export const duplicatesQuery = z.object({
  fiscalCode: z.string().trim().toUpperCase().max(16).optional(),
  familyName: z.string().trim().max(120).optional(),
  givenName: z.string().trim().max(120).optional(),
  birthDate: z.iso.date().optional(),
});
export const duplicateDto = personDto.extend({ reason: z.enum(["fiscal_code", "name_birth_date"]) });

export const mergeBody = z.object({ duplicateId: z.uuid() });

export const caseSummaryDto = z.object({
  id: z.uuid(),
  comuneIstat: z.string(),
  userArea: z.string(),
  status: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  responsibleUserId: z.number().int(),
});

export const personFileDto = z.object({
  person: personDto,
  detail: personDetailDto,
  access: z.enum(["comune", "team", "grant", "emergency"]),
  households: z.array(householdDto),
  isee: z.array(iseeDto),
  cases: z.array(caseSummaryDto),
  /** Cases of the person the caller may not open (other Comuni): counted, never described. */
  otherCases: z.number().int(),
});

export const grantBody = z.object({
  userId: z.number().int().positive(),
  days: z.number().int().min(1).max(90),
  reason: z.string().trim().min(5, "state why (at least 5 characters)").max(300),
});
export const emergencyBody = z.object({
  reason: z.string().trim().min(10, "state the emergency (at least 10 characters)").max(500),
});
export const emergencyDto = z.object({
  id: z.number().int(),
  personId: z.uuid(),
  userId: z.number().int(),
  userName: z.string(),
  reason: z.string(),
  openedAt: z.string(),
  expiresAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewOutcome: z.enum(["justified", "unjustified"]).nullable(),
});
export const reviewBody = z.object({
  outcome: z.enum(["justified", "unjustified"]),
  note: z.string().trim().max(500).optional(),
});
export const accessReportDto = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      userId: z.number().int().nullable(),
      userName: z.string().nullable(),
      action: z.string(),
      purpose: z.string().nullable(),
      outcome: z.string(),
    }),
  ),
});

export const lookupQuery = z.object({ fiscalCode });
export const lookupDto = z.object({
  found: z.boolean(),
  id: z.uuid().nullable(),
  comuneIstat: z.string().nullable(),
  accessible: z.boolean(),
});

export const personParams = z.object({ ambito: z.string(), id: z.uuid("must be a UUID") });
export const householdParams = personParams;
export const idNumParams = z.object({ ambito: z.string(), id: z.coerce.number().int().positive() });
