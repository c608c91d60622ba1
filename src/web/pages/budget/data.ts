import { useQuery } from "@tanstack/react-query";
import type { CompareDto, CoverageDto, PivotDto } from "../../../server/modules/budget/analysis.contracts.ts";
import type { FundAssignmentDetailDto, FundsOverviewDto } from "../../../server/modules/budget/funds.contracts.ts";
import type { BudgetDocumentDto } from "../../../shared/contracts/budget.ts";
import { api, withQuery } from "../../api.ts";

export type { CompareDto, CoverageDto, FundAssignmentDetailDto, FundsOverviewDto, PivotDto };
export type PivotRow = PivotDto["items"][number];
export type FundAssignment = FundsOverviewDto["assignments"][number];

export interface CheckDto {
  seq: number;
  name: string;
  line: number | null;
  expected: string;
  found: string;
  passed: boolean;
}

export const budgetBase = (slug: string) => `/api/ambiti/${encodeURIComponent(slug)}/budget`;
const STALE = 60_000;

export function useDocuments(slug: string) {
  return useQuery({
    queryKey: ["budget", slug, "documents"],
    queryFn: () => api.get<BudgetDocumentDto[]>(`${budgetBase(slug)}/documents`),
    staleTime: STALE,
  });
}

export function useDocument(slug: string, id: number) {
  const docs = useDocuments(slug);
  return {
    ...docs,
    data: docs.data?.find((d) => d.id === id),
    missing: docs.isSuccess && !docs.data.some((d) => d.id === id),
  };
}

/** Query parameters of the analysis endpoints, as in the page URL. */
export type Params = Record<string, string>;

export function usePivot(slug: string, id: number, params: Params) {
  return useQuery({
    queryKey: ["budget", slug, "pivot", id, params],
    queryFn: () => api.get<PivotDto>(`${budgetBase(slug)}/documents/${id}/pivot`, params),
    staleTime: STALE,
  });
}

export function useCompare(slug: string, id: number, params: Params) {
  return useQuery({
    queryKey: ["budget", slug, "compare", id, params],
    queryFn: () => api.get<CompareDto>(`${budgetBase(slug)}/documents/${id}/compare`, params),
    staleTime: STALE,
  });
}

export function useCoverage(slug: string, id: number, part: string) {
  return useQuery({
    queryKey: ["budget", slug, "coverage", id, part],
    queryFn: () => api.get<CoverageDto>(`${budgetBase(slug)}/documents/${id}/coverage`, { part }),
    staleTime: STALE,
  });
}

export function useChecks(slug: string, id: number) {
  return useQuery({
    queryKey: ["budget", slug, "checks", id],
    queryFn: () => api.get<CheckDto[]>(`${budgetBase(slug)}/documents/${id}/checks`),
    staleTime: STALE,
  });
}

export function useFunds(slug: string, year: string) {
  return useQuery({
    queryKey: ["budget", slug, "funds", year],
    queryFn: () => api.get<FundsOverviewDto>(`${budgetBase(slug)}/funds`, { year }),
    staleTime: STALE,
  });
}

export function useFund(slug: string, id: number) {
  return useQuery({
    queryKey: ["budget", slug, "fund", id],
    queryFn: () => api.get<FundAssignmentDetailDto>(`${budgetBase(slug)}/funds/${id}`),
    staleTime: STALE,
  });
}

/** A download link for an analysis table (the browser saves the file). */
export const exportUrl = (
  slug: string,
  id: number,
  what: "pivot" | "compare" | "coverage",
  params: Params,
  format: "csv" | "xlsx",
) => withQuery(`${budgetBase(slug)}/documents/${id}/${what}`, { ...params, format });

/** Euro from cents, it-IT or en-GB; integer arithmetic until the very end. */
export function euro(language: string, cents: number): string {
  return new Intl.NumberFormat(language.startsWith("en") ? "en-GB" : "it-IT", {
    style: "currency",
    currency: "EUR",
  }).format(cents / 100);
}

export function percent(language: string, value: number | null): string {
  if (value === null) return "–";
  return `${new Intl.NumberFormat(language.startsWith("en") ? "en-GB" : "it-IT", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  }).format(value)} %`;
}

/** "1.234,56" or "1234,56" or "1234.56" typed by a user -> cents, or null. */
export function parseEuroInput(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, "");
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number((m[1] as string).replace(/\./g, "")) * 100 + Number((m[2] ?? "").padEnd(2, "0") || "0");
}
