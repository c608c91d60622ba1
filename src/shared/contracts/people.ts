import { z } from "zod";
import { fiscalCodeProblem } from "../fiscal-code.ts";

const FISCAL_CODE_MESSAGES = {
  length: "must be 16 characters",
  format: "is not shaped like a codice fiscale",
  check: "check character does not match: probably a typo",
} as const;

export const fiscalCode = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = fiscalCodeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: FISCAL_CODE_MESSAGES[problem] });
  });

export const personDto = z.object({
  id: z.uuid(),
  comuneIstat: z.string(),
  fiscalCode: z.string().nullable(),
  provisional: z.boolean(),
  familyName: z.string(),
  givenName: z.string(),
  sex: z.enum(["F", "M"]).nullable(),
  birthDate: z.string().nullable(),
  citizenship: z.string().nullable(),
});
export type PersonDto = z.infer<typeof personDto>;

export const createPersonBody = z
  .object({
    comuneIstat: z.string().regex(/^\d{6}$/, "must be a 6-digit ISTAT code"),
    fiscalCode: fiscalCode.optional(),
    /** A person without a codice fiscale (e.g. newly arrived) gets a provisional identity. */
    provisional: z.boolean().default(false),
    familyName: z.string().trim().min(1, "required").max(120),
    givenName: z.string().trim().min(1, "required").max(120),
    sex: z.enum(["F", "M"]).optional(),
    birthDate: z.iso.date().optional(),
    citizenship: z.string().trim().max(80).optional(),
  })
  .refine((p) => p.provisional || p.fiscalCode, {
    message: "required unless the identity is provisional",
    path: ["fiscalCode"],
  });

export const peopleQuery = z.object({
  q: z.string().trim().max(80).optional(),
  comuneIstat: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const personParams = z.object({ ambito: z.string(), id: z.uuid("must be a UUID") });
