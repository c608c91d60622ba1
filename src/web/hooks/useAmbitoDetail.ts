import { useQuery } from "@tanstack/react-query";
import type { AmbitoDetail } from "../../shared/contracts/territory.ts";
import { api } from "../api.ts";

/** GET /api/ambiti/:ambito: Region, ATS, ASST, Comuni, Municipi, teams, organisations. */
export function useAmbitoDetail(slug: string, enabled = true) {
  return useQuery({
    queryKey: ["ambito", slug],
    queryFn: () => api.get<AmbitoDetail>(`/api/ambiti/${encodeURIComponent(slug)}`),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** ISTAT code -> Comune name, for labels. */
export function comuneNames(detail: AmbitoDetail | undefined): Map<string, string> {
  return new Map((detail?.comuni ?? []).map((c) => [c.istatCode, c.name]));
}
