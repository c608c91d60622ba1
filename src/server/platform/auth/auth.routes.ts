import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authProvidersResponse, loginBody, meResponse, passwordChangeBody } from "../../../shared/contracts/auth.ts";
import { errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assignmentsOf } from "./accounts.repo.ts";
import { clearSessionCookie, setSessionCookie } from "./cookies.ts";
import { changePassword, loginWithPassword } from "./login.service.ts";
import { buildMe } from "./me.ts";
import { requirePrincipal } from "./request-context.ts";
import { deleteSession } from "./sessions.ts";

const tags = ["auth"];

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  r.get(
    "/api/auth/providers",
    {
      config: { access: { public: true } },
      schema: { tags, summary: "Login methods offered", response: { 200: authProvidersResponse } },
    },
    async () => ({
      local: true,
      oidc: config.oidc ? { name: config.oidc.providerName, loginUrl: "/api/auth/oidc/login" } : null,
    }),
  );

  r.post(
    "/api/auth/login",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Log in with username and password; sets the session cookie",
        body: loginBody,
        response: { 200: meResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { user, session } = await loginWithPassword(db, config, { ...request.body, ip: request.ip });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return buildMe(db, {
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        authMethod: "password",
        mustChangePassword: user.must_change_password,
        csrfToken: session.csrfToken,
        sessionToken: session.token,
        assignments: await assignmentsOf(db, user.id),
      });
    },
  );

  r.post(
    "/api/auth/logout",
    {
      config: { access: { authenticated: true } },
      schema: { tags, summary: "End the session", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const p = requirePrincipal(request.principal);
      await deleteSession(db, p.sessionToken);
      await recordAudit(db, {
        ambitoId: null,
        actorUserId: p.userId,
        actorKind: "user",
        action: "auth.logout",
        entityType: "session",
        ip: request.ip,
      });
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  r.get(
    "/api/auth/me",
    {
      config: { access: { authenticated: true } },
      schema: { tags, summary: "The current user, roles, Ambiti and CSRF token", response: { 200: meResponse } },
    },
    async (request) => buildMe(db, requirePrincipal(request.principal)),
  );

  r.post(
    "/api/auth/password",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: "Change one's own password; other sessions are closed",
        body: passwordChangeBody,
        response: { 204: z.null(), 400: errorResponse },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request.principal);
      await changePassword(db, config, {
        userId: p.userId,
        ...request.body,
        keepSessionToken: p.sessionToken,
        ip: request.ip,
      });
      return reply.code(204).send(null);
    },
  );
}
