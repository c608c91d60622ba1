import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Monitoring, Status } from "../../../server/modules/planning/monitoring.ts";
import type { PlanDocument } from "../../../server/modules/planning/plan-document.ts";
import { api, withQuery } from "../../api.ts";

export type { Monitoring, PlanDocument, Status };
export type Objective = PlanDocument["objectives"][number];
export type Indicator = PlanDocument["indicators"][number];

export interface PlanSummary {
  id: number;
  title: string;
  period_start: number;
  period_end: number;
  status: PlanDocument["status"];
  version: number;
  approval_act: string | null;
  approval_date: string | null;
  objectives: number;
  indicators: number;
}
export interface EvaluationSheet {
  objective: string;
  title: string;
  macroArea: string;
  specific: { code: string; title: string }[];
  budgetCents: number | null;
  stored: boolean;
  achievementPct: number | null;
  staff: string | null;
  staffAdequacy: string | null;
  budgetCoincidence: string | null;
  problems: string | null;
  needAnswered: string | null;
  continuity: string | null;
  reproposed: boolean | null;
  reproposedReasons: string | null;
  status: Status;
}

export const planningBase = (slug: string) => `/api/ambiti/${encodeURIComponent(slug)}`;
export const planUrl = (slug: string, id: number, path = "") => `${planningBase(slug)}/plans/${id}${path}`;

export function usePlans(slug: string) {
  return useQuery({ queryKey: ["plans", slug], queryFn: () => api.get<PlanSummary[]>(`${planningBase(slug)}/plans`) });
}
export function usePlan(slug: string, id: number) {
  return useQuery({
    queryKey: ["plans", slug, id],
    // etag: when the plan was last written, sent back by the editors (If-Match) to detect stale edits.
    queryFn: () => api.get<PlanDocument & { id: number; etag: string }>(planUrl(slug, id)),
  });
}
export function useMonitoring(slug: string, id: number, asOf?: string) {
  return useQuery({
    queryKey: ["plans", slug, id, "monitoring", asOf ?? ""],
    queryFn: () =>
      api.get<Monitoring & { plan: { title: string; status: string; version: number } }>(
        withQuery(planUrl(slug, id, "/monitoring"), { asOf }),
      ),
  });
}
export function useEvaluation(slug: string, id: number) {
  return useQuery({
    queryKey: ["plans", slug, id, "evaluation"],
    queryFn: () => api.get<EvaluationSheet[]>(planUrl(slug, id, "/evaluation")),
  });
}

export function useAddMeasurement(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { indicator: string; year: number; value: number; evidence?: string }) =>
      api.post(planUrl(slug, id, "/measurements"), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["plans", slug, id] }),
  });
}
export function useRecompute(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(planUrl(slug, id, "/recompute")),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["plans", slug, id] }),
  });
}

export const euro = (cents: number | null | undefined, lang: string) =>
  cents == null ? "—" : new Intl.NumberFormat(lang, { style: "currency", currency: "EUR" }).format(cents / 100);
export const pct = (x: number | null | undefined) => (x == null ? "—" : `${Math.round(x * 100)}%`);
export const years = (doc: { periodStart: number; periodEnd: number }) => {
  const out: number[] = [];
  for (let y = doc.periodStart; y <= doc.periodEnd; y++) out.push(y);
  return out;
};
