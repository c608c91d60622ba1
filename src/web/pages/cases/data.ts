import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  accessContactDto,
  caseFileDto,
  caseListItem,
  formDto,
  optionsDto,
  taskDto,
} from "../../../server/modules/cases/cases.contracts.ts";
import type { emergencyDto, personFileDto } from "../../../server/modules/people/people.contracts.ts";
import { ApiError, api } from "../../api.ts";

/** Types and queries of the Cartella pages (shapes come from the server contracts). */
export type CaseFile = z.infer<typeof caseFileDto>;
export type PersonFile = z.infer<typeof personFileDto>;
export type AccessContact = z.infer<typeof accessContactDto>;
export type CaseListItem = z.infer<typeof caseListItem>;
export type Options = z.infer<typeof optionsDto>;
export type Form = z.infer<typeof formDto>;
export type Task = z.infer<typeof taskDto>;
export type EmergencyAccess = z.infer<typeof emergencyDto>;

export const USER_AREAS = [
  "famiglia_minori",
  "disabili",
  "anziani",
  "dipendenze",
  "immigrati",
  "poverta_disagio_adulti",
  "multiutenza",
] as const;

export const base = (slug: string) => `/api/ambiti/${slug}`;

export function useOptions(slug: string) {
  return useQuery({
    queryKey: ["cases-options", slug],
    queryFn: () => api.get<Options>(`${base(slug)}/cases/options`),
    staleTime: 5 * 60_000,
  });
}

export function usePersonFile(slug: string, id: string) {
  return useQuery({
    queryKey: ["person-file", slug, id],
    queryFn: () => api.get<PersonFile>(`${base(slug)}/people/${id}/file`),
    retry: false,
  });
}

export function useCaseFile(slug: string, id: string) {
  return useQuery({
    queryKey: ["case-file", slug, id],
    queryFn: () => api.get<CaseFile>(`${base(slug)}/cases/${id}`),
    retry: false,
  });
}

export const isForbidden = (e: unknown) => e instanceof ApiError && e.status === 403;

/** Cents as euro in the user's language. */
export const euro = (cents: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" }).format(cents / 100);

/** "12,50" or "12.50" → cents; NaN when not a number. */
export const toCents = (text: string) => {
  const n = Number(text.replace(/\s/g, "").replace(",", "."));
  return text.trim() === "" ? 0 : Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
};

export const today = () => new Date().toISOString().slice(0, 10);

export const formatDate = (iso: string | null, lang: string) =>
  iso ? new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso)) : "—";

/** Days from today to an ISO date (negative when past), in UTC like the server's dates. */
export const daysUntil = (iso: string) => Math.round((Date.parse(iso) - Date.parse(today())) / 86_400_000);

/** Everything a case-file section needs to write and refresh. */
export interface SectionProps {
  file: CaseFile;
  /** The user may add records (cases:write, not an emergency access, case not closed). */
  writable: boolean;
  /** Refetches the case file after a write (or to recover from a conflict). */
  refresh: () => Promise<unknown>;
}
