import { useQuery } from "@tanstack/react-query";
import type {
  ApplicationDto,
  CallDto,
  EvaluationDto,
  FitResponse,
  RankingDto,
  SearchResponse,
  ServiceDto,
  StatusLookupDto,
} from "../../../server/modules/catalogue/catalogue.contracts.ts";
import { api } from "../../api.ts";

export type {
  ApplicationDto,
  CallDto,
  EvaluationDto,
  FitResponse,
  RankingDto,
  SearchResponse,
  ServiceDto,
  StatusLookupDto,
};

export const DEFAULT_AMBITO = "visconteo-sud-milano";
export const USER_AREAS = [
  "famiglia_minori",
  "disabili",
  "dipendenze",
  "anziani",
  "immigrati",
  "poverta_disagio_adulti",
  "multiutenza",
] as const;

export interface SearchParams {
  ambito: string;
  q?: string;
  area?: string;
  comune?: string;
  age?: string;
  offset?: number;
}

export const useAmbiti = () =>
  useQuery({
    queryKey: ["portal", "ambiti"],
    queryFn: () => api.get<{ slug: string; name: string; services: number }[]>("/api/public/ambiti"),
    staleTime: 5 * 60_000,
  });

export const useComuni = (ambito: string) =>
  useQuery({
    queryKey: ["portal", "comuni", ambito],
    queryFn: () => api.get<{ istat: string; name: string }[]>("/api/public/comuni", { ambito }),
    staleTime: 5 * 60_000,
  });

export const useSearch = (p: SearchParams) =>
  useQuery({
    queryKey: ["portal", "search", p],
    queryFn: () => api.get<SearchResponse>("/api/public/services", { ...p, limit: 50, offset: p.offset ?? 0 }),
    placeholderData: (previous) => previous,
  });

export const useService = (ambito: string, id: string) =>
  useQuery({
    queryKey: ["portal", "service", ambito, id],
    queryFn: () => api.get<ServiceDto>(`/api/public/services/${ambito}/${id}`),
  });

export const useCalls = (ambito: string) =>
  useQuery({ queryKey: ["portal", "calls", ambito], queryFn: () => api.get<CallDto[]>(`/api/public/calls/${ambito}`) });

export const useCall = (ambito: string, code: string) =>
  useQuery({
    queryKey: ["portal", "call", ambito, code],
    queryFn: () => api.get<CallDto>(`/api/public/calls/${ambito}/${code}`),
  });

export const usePublicRanking = (ambito: string, code: string) =>
  useQuery({
    queryKey: ["portal", "ranking", ambito, code],
    queryFn: () => api.get<RankingDto>(`/api/public/calls/${ambito}/${code}/ranking`),
  });
