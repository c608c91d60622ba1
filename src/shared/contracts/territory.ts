import { z } from "zod";

export const comuneDto = z.object({
  istatCode: z.string(),
  cadastralCode: z.string(),
  name: z.string(),
  provinceAbbr: z.string(),
});
export type ComuneDto = z.infer<typeof comuneDto>;

export const municipioDto = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  comuneIstat: z.string(),
});

export const ambitoSummary = z.object({ slug: z.string(), name: z.string(), kind: z.enum(["ambito", "comune"]) });

export const ambitoDetail = ambitoSummary.extend({
  region: z.object({ code: z.string(), name: z.string() }),
  ats: z.object({ code: z.string(), name: z.string() }).nullable(),
  asst: z.object({ code: z.string(), name: z.string() }).nullable(),
  leadComuneIstat: z.string().nullable(),
  comuni: z.array(comuneDto),
  municipi: z.array(municipioDto),
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), comuneIstat: z.string().nullable() })),
  organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type AmbitoDetail = z.infer<typeof ambitoDetail>;

export const comuniSearchQuery = z.object({
  q: z.string().trim().min(2, "at least 2 characters").max(80),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const referenceDatasetDto = z.object({
  name: z.string(),
  version: z.string(),
  source: z.string(),
  licence: z.string(),
});
