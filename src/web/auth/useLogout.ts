import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api, setCsrfToken } from "../api.ts";

/** Ends the session, forgets every cached answer and goes to the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      void navigate("/login", { replace: true, state: { loggedOut: true } });
    },
  });
}
