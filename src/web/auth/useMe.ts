import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { MeResponse } from "../../shared/contracts/auth.ts";
import { api, setCsrfToken } from "../api.ts";

export const ME_KEY = ["me"] as const;

export async function fetchMe(): Promise<MeResponse> {
  const me = await api.get<MeResponse>("/api/auth/me");
  setCsrfToken(me.csrfToken);
  return me;
}

/** The session's user (401 sends the user to the login page, see main.tsx). */
export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export const MeContext = createContext<MeResponse | null>(null);

/** The logged-in user; only inside <AuthGate>. */
export function useMe(): MeResponse {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() outside <AuthGate>");
  return me;
}
