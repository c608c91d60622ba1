import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api.ts";
import { planningBase, planUrl } from "./data.ts";

/** Writes of the editor pages: PUT/DELETE of one objective, indicator or action of a plan. */
export type ItemList = "objectives" | "indicators" | "actions";

export interface ComputedSource {
  key: string;
  label: string;
  unit: "count" | "percent" | "eur";
}
export interface LepsRef {
  code: string;
  title: string;
}

const ifMatch = (etag: string | undefined) => (etag ? { "If-Match": `"${etag}"` } : undefined);
type Saved = { id: number; version: number; etag: string };

const itemUrl = (slug: string, id: number, list: ItemList, code: string) =>
  planUrl(slug, id, `/${list}/${encodeURIComponent(code)}`);

/** Saves (PUT) or deletes one item; `etag` is the plan's as the editor opened it (409 if stale). */
export function useItemWrite(slug: string, id: number) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ["plans", slug] });
  const save = useMutation({
    mutationFn: (v: { list: ItemList; code: string; body: unknown; etag?: string }) =>
      api.put<Saved>(itemUrl(slug, id, v.list, v.code), v.body, ifMatch(v.etag)),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: (v: { list: ItemList; code: string; etag?: string }) =>
      api.delete<Saved>(itemUrl(slug, id, v.list, v.code), ifMatch(v.etag)),
    onSuccess: done,
  });
  return { save, remove };
}

export function useSources(slug: string) {
  return useQuery({
    queryKey: ["planning", slug, "sources"],
    queryFn: () => api.get<ComputedSource[]>(`${planningBase(slug)}/planning/sources`),
    staleTime: 10 * 60_000,
  });
}
export function useLeps(slug: string) {
  return useQuery({
    queryKey: ["planning", slug, "leps"],
    queryFn: () => api.get<LepsRef[]>(`${planningBase(slug)}/planning/leps`),
    staleTime: 10 * 60_000,
  });
}

/** "1.234,50" or "1234.5" (euro) → cents; null when empty, NaN when not a number. */
export function centsOf(text: string): number | null {
  const s = text.trim().replace(/\s|€/g, "");
  if (!s) return null;
  const normal = s.includes(",") ? s.replace(/\./g, "").replace(",", ".") : s;
  const n = Number(normal);
  return Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
}
export const euroText = (cents: number | null | undefined) =>
  cents == null ? "" : (cents / 100).toFixed(2).replace(".", ",");
/** A decimal typed the Italian way ("12,5") → number; null when empty. */
export function numberOf(text: string): number | null {
  const s = text.trim().replace(",", ".");
  return s ? Number(s) : null;
}
