import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { z } from "zod";
import type { authProvidersResponse, MeResponse } from "../../../shared/contracts/auth.ts";
import { api, setCsrfToken } from "../../api.ts";
import { ME_KEY } from "../../auth/useMe.ts";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TextField } from "../../components/TextField.tsx";
import { LoginAlert } from "./LoginAlert.tsx";
import { OidcLogin } from "./OidcLogin.tsx";

type Providers = z.infer<typeof authProvidersResponse>;

/** /login: username and password, or the identity provider (SPID / CIE) when configured. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const providers = useQuery({
    queryKey: ["auth-providers"],
    queryFn: () => api.get<Providers>("/api/auth/providers"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const login = useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<MeResponse>("/api/auth/login", body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_KEY, me);
      void navigate("/", { replace: true });
    },
  });
  const fields = fieldErrorsOf(login.error, t);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  // The OIDC callback sends the browser back here when the identity provider refused or failed.
  const oidcFailed = new URLSearchParams(location.search).get("error") === "oidc";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-10 col-lg-7 col-xl-6">
        <PageHeader title={t("login.title")} lead={t("login.lead")} />
        {loggedOut && !login.isError ? (
          <div className="alert alert-success" role="status">
            {t("login.loggedOut")}
          </div>
        ) : null}
        {login.isError ? <LoginAlert error={login.error} /> : null}
        {oidcFailed && !login.isError ? (
          <div className="alert alert-warning" role="alert">
            {t("login.oidcFailed")}
          </div>
        ) : null}
        <div className="card card-bg shadow-sm rounded">
          <div className="card-body p-4">
            <form onSubmit={submit} noValidate>
              <h2 id="login-form-title" className="h4 mb-5">
                {t("login.formTitle")}
              </h2>
              <TextField
                id="username"
                label={t("login.username")}
                value={username}
                onChange={setUsername}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                error={fields.username}
              />
              <TextField
                id="password"
                type="password"
                label={t("login.password")}
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                required
                error={fields.password}
              />
              <button type="submit" className="btn btn-primary w-100" disabled={login.isPending}>
                {login.isPending ? t("login.submitting") : t("login.submit")}
              </button>
            </form>
            {providers.data?.oidc ? (
              <OidcLogin name={providers.data.oidc.name} url={providers.data.oidc.loginUrl} />
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}
