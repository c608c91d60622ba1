import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api.ts";
import { planningBase } from "./data.ts";

// The API leaves out fields that are not stated (null).
export interface GovMember {
  code: string;
  name: string;
  organisation?: string;
  role?: string;
  thirdSector: boolean;
}
export interface GovBody {
  code: string;
  kind: string;
  name: string;
  members: GovMember[];
}
export interface GovMeeting {
  body: string;
  date: string;
  agenda: string;
  minutes?: string;
  decisions: string[];
  attendees: string[];
}
export interface GovernanceData {
  bodies: GovBody[];
  meetings: GovMeeting[];
}
export interface MeetingInput {
  body: string;
  date: string;
  agenda: string;
  minutes?: string;
  decisions: string[];
  attendees: string[];
}
export interface LepsRef {
  code: string;
  title: string;
  norm: string;
  target: string | null;
}

// Same key as data.ts's useGovernance, so a recorded meeting refreshes every reader.
const governanceKey = (slug: string) => ["governance", slug];

export function useGovernanceData(slug: string) {
  return useQuery({
    queryKey: governanceKey(slug),
    queryFn: () => api.get<GovernanceData>(`${planningBase(slug)}/governance`),
  });
}

export function useRecordMeeting(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => api.post<MeetingInput>(`${planningBase(slug)}/governance/meetings`, body),
    // Meetings feed computed indicators, so the plans' live values change too.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: governanceKey(slug) }),
        qc.invalidateQueries({ queryKey: ["plans", slug] }),
      ]),
  });
}

export function useLepsList(slug: string) {
  return useQuery({
    queryKey: ["planning", slug, "leps"],
    queryFn: () => api.get<LepsRef[]>(`${planningBase(slug)}/planning/leps`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Meetings per body and year, as the "Numero incontri" computed indicator counts them. */
export function meetingCounts(meetings: GovMeeting[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const m of meetings) {
    const year = Number(m.date.slice(0, 4));
    const perYear = out.get(m.body) ?? new Map<number, number>();
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    out.set(m.body, perYear);
  }
  return out;
}
