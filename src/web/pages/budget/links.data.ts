import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { lineLinksDto, targetCostDto } from "../../../server/modules/budget/line-links.contracts.ts";
import { api, withQuery } from "../../api.ts";
import { budgetBase } from "./data.ts";

// Budget lines linked to services and plan objectives, and what a target costs.

export type LineLinksDto = z.infer<typeof lineLinksDto>;
export type TargetCostDto = z.infer<typeof targetCostDto>;
export type TargetKind = "service" | "plan_objective";

/** PEG key in a URL segment: "3752/5/0" <-> "3752-5-0". */
export const pegToSegment = (peg: string) => peg.replaceAll("/", "-");
export const segmentToPeg = (segment: string) => segment.replaceAll("-", "/");

export function useLineLinks(slug: string, lineId: string) {
  return useQuery({
    queryKey: ["budget", slug, "line-links", lineId],
    queryFn: () => api.get<LineLinksDto>(`${budgetBase(slug)}/line-links`, { lineId }),
  });
}

export function useTargetCost(slug: string, kind: TargetKind, id: string) {
  return useQuery({
    queryKey: ["budget", slug, "costs", kind, id],
    queryFn: () => api.get<TargetCostDto>(`${budgetBase(slug)}/costs`, { targetKind: kind, targetId: id }),
    enabled: Boolean(id),
  });
}

interface PlanRow {
  id: number;
  title: string;
  period_start: number;
  period_end: number;
}

/** Plans of the Ambito (planning API, plan:read). */
export function usePlans(slug: string) {
  return useQuery({
    queryKey: ["plans", slug, "list"],
    queryFn: () => api.get<PlanRow[]>(`/api/ambiti/${encodeURIComponent(slug)}/plans`),
    staleTime: 60_000,
  });
}

/** Objectives of one plan, as target ids "PLAN:CODE". */
export function usePlanObjectives(slug: string, planId: string) {
  return useQuery({
    queryKey: ["plans", slug, "objectives", planId],
    queryFn: () =>
      api.get<{ objectives: { code: string; title: string }[] }>(
        `/api/ambiti/${encodeURIComponent(slug)}/plans/${planId}`,
      ),
    enabled: Boolean(planId),
    staleTime: 60_000,
    select: (d) => d.objectives.map((o) => ({ id: `${planId}:${o.code}`, label: `${o.code} ${o.title}` })),
  });
}

/** Approved services of the Ambito (the public catalogue: every role may read it). */
export function useServices(slug: string) {
  return useQuery({
    queryKey: ["public-services", slug],
    queryFn: () =>
      api.get<{ items: { id: number; name: string }[] }>("/api/public/services", { ambito: slug, limit: 100 }),
    staleTime: 60_000,
    select: (d) => d.items.map((s) => ({ id: String(s.id), label: s.name })),
  });
}

/** DELETE …/line-links: the link is named by line and target in the query. */
export async function deleteLineLink(slug: string, q: { lineId: string; targetKind: string; targetId: string }) {
  await api.delete(withQuery(`${budgetBase(slug)}/line-links`, q));
}
