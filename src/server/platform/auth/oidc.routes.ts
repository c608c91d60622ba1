import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import type { Config } from "../../config.ts";
import { AppError } from "../errors.ts";
import { setSessionCookie } from "./cookies.ts";
import { completeOidcLogin, type OidcFailure, startOidcLogin } from "./oidc.service.ts";

const tags = ["auth"];
/** Binds a login to the browser that started it, so a stolen callback URL cannot log in someone else. */
const STATE_COOKIE = "filiera_oidc_state";
const COOKIE_PATH = "/api/auth/oidc";

const redirect = z.null().describe("302 redirect (Location header)");

const loginQuery = z.object({
  returnTo: z.string().optional().describe("Same-site path to open after login; anything else becomes /"),
});

const callbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

const DENIED_MESSAGE: Partial<Record<OidcFailure, string>> = {
  no_account: "No Filiera account is linked to this identity: ask your administrator to register you",
  inactive: "The Filiera account linked to this identity is disabled",
};

const cookieSecure = (config: Config) =>
  config.cookieSecure === "auto" ? config.publicUrl.startsWith("https:") : config.cookieSecure;

/** Browsers arrive here by navigation, so they get a page; API clients get the usual JSON error. */
function denied(reply: FastifyReply, acceptsHtml: boolean, message: string) {
  if (!acceptsHtml) throw new AppError("FORBIDDEN", message);
  return reply
    .code(403)
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="it"><meta charset="utf-8"><title>Filiera</title>` +
        `<main style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1>Accesso non riuscito</h1>` +
        `<p>${message}.</p><p><a href="/login">Torna alla pagina di accesso</a></p></main></html>`,
    );
}

/** OIDC login (SPID/CIE gateways): registered only when OIDC_ISSUER is configured. */
export async function oidcRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, config } = deps;
  const oidc = config.oidc;
  if (!oidc) return;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/auth/oidc/login",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: `Start a login with ${oidc.providerName}: redirects to the identity provider`,
        querystring: loginQuery,
        response: { 302: redirect, 503: errorResponse },
      },
    },
    async (request, reply) => {
      const { url, state } = await startOidcLogin(db, config, oidc, request.query.returnTo);
      reply.setCookie(STATE_COOKIE, state, {
        path: COOKIE_PATH,
        httpOnly: true,
        // Lax still travels on the top-level redirect back from the provider.
        sameSite: "lax",
        secure: cookieSecure(config),
        maxAge: 600,
      });
      return reply.redirect(url.href, 302);
    },
  );

  r.get(
    "/api/auth/oidc/callback",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Where the identity provider returns: sets the session cookie and redirects",
        querystring: callbackQuery,
        response: { 302: redirect, 400: errorResponse, 403: errorResponse, 503: errorResponse },
      },
    },
    async (request, reply) => {
      const q = request.url.indexOf("?");
      const browserState = request.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: COOKIE_PATH });
      const outcome = await completeOidcLogin(db, config, oidc, {
        search: q >= 0 ? request.url.slice(q) : "",
        state: request.query.state,
        browserState,
        error: request.query.error,
        ip: request.ip,
        warn: (err) => request.log.warn({ err }, "OIDC authorization code grant failed"),
      });
      if (outcome.ok) {
        setSessionCookie(reply, config, outcome.session.token, outcome.session.expiresAt);
        return reply.redirect(outcome.returnTo, 302);
      }
      const message = DENIED_MESSAGE[outcome.reason];
      if (message) return denied(reply, Boolean(request.headers.accept?.includes("text/html")), message);
      return reply.redirect("/login?error=oidc", 302);
    },
  );
}
