import { useQuery } from "@tanstack/react-query";
import type {
  ApplicationDto,
  ApplicationSummaryDto,
  CallAdminDto,
  RankingDto,
  ServiceSummaryDto,
} from "../../../server/modules/catalogue/catalogue.contracts.ts";
import { api } from "../../api.ts";

export type QueueItem = ApplicationSummaryDto & { eligibility: "eligible" | "not_eligible" | "incomplete" };
export type Listing = ServiceSummaryDto & { status: string };
export type { ApplicationDto, ApplicationSummaryDto, CallAdminDto, RankingDto };

/** Where a call can go from each state (the server checks the same, with its reasons). */
export const CALL_TRANSITIONS: Record<CallAdminDto["status"], CallAdminDto["status"][]> = {
  draft: ["open"],
  closed: ["open"],
  open: ["paused", "closed"],
  paused: ["open", "closed"],
};

const base = (ambito: string) => `/api/ambiti/${ambito}`;

export const useAdminCalls = (ambito: string, enabled: boolean) =>
  useQuery({
    queryKey: ["offerta", "calls", ambito],
    queryFn: () => api.get<CallAdminDto[]>(`${base(ambito)}/calls`),
    enabled,
  });

export const useQueue = (ambito: string, callId: string, status: string) =>
  useQuery({
    queryKey: ["offerta", "queue", ambito, callId, status],
    queryFn: () => api.get<QueueItem[]>(`${base(ambito)}/calls/${callId}/applications`, { status }),
  });

export const useApplication = (ambito: string, id: string) =>
  useQuery({
    queryKey: ["offerta", "application", ambito, id],
    queryFn: () => api.get<ApplicationDto>(`${base(ambito)}/applications/${id}`),
  });

export const useAdminRanking = (ambito: string, callId: string) =>
  useQuery({
    queryKey: ["offerta", "ranking", ambito, callId],
    queryFn: () => api.get<RankingDto>(`${base(ambito)}/calls/${callId}/ranking`),
  });

export const useListings = (ambito: string, enabled: boolean) =>
  useQuery({
    queryKey: ["offerta", "listings", ambito],
    queryFn: () => api.get<Listing[]>(`${base(ambito)}/catalogue/listings`),
    enabled,
  });

export const useMyApplications = (ambito: string, enabled: boolean) =>
  useQuery({
    queryKey: ["offerta", "mine", ambito],
    queryFn: () => api.get<ApplicationSummaryDto[]>(`${base(ambito)}/my/applications`),
    enabled,
  });
