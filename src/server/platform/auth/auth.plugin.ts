import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { AppError } from "../errors.ts";
import { findTenant } from "../tenancy.ts";
import { type Assignment, globalPermissions, resolveScope } from "./access.ts";
import { assignmentsOf } from "./accounts.repo.ts";
import type { RouteAccess } from "./request-context.ts";
import { findSession, SESSION_COOKIE } from "./sessions.ts";

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its declared access: the permission matrix, for tests and docs. */
    accessTable: DeclaredRoute[];
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Routes served by plugins we do not declare ourselves (docs UI, static files). */
const UNDECLARED_OK = [/^\/api\/docs/, /^\/(?!api\/)/, /^\/api\/openapi\.json$/];

export const accessOf = (request: FastifyRequest): RouteAccess | undefined => request.routeOptions.config.access;

/**
 * Authentication on every request (401 before anything else), then authorization once the
 * Ambito in the path is known (403/404), before the body is validated (400).
 */
export function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { db, config } = deps;
  app.decorateRequest("principal", null);
  app.decorateRequest("tenant", null);
  app.decorateRequest("scope", null);

  const table: DeclaredRoute[] = [];
  app.decorate("accessTable", table);
  app.addHook("onRoute", (route) => {
    const url = route.url ?? "";
    const access = route.config?.access;
    if (!access) {
      if (UNDECLARED_OK.some((re) => re.test(url))) return;
      throw new Error(`Route ${route.method} ${url} declares no access: every route must (deny by default)`);
    }
    for (const method of [route.method].flat()) if (method !== "HEAD") table.push({ method, url, access });
  });

  app.addHook("onRequest", async (request) => {
    const access = accessOf(request);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const s = await findSession(db, token, config.sessionTtlMs);
      if (s) {
        request.principal = {
          userId: s.user_id,
          username: s.username,
          displayName: s.display_name,
          authMethod: s.auth_method,
          mustChangePassword: s.must_change_password,
          csrfToken: s.csrf_token,
          sessionToken: token,
          assignments: (await assignmentsOf(db, s.user_id)) as Assignment[],
        };
      }
    }
    if (!access || "public" in access) return;
    if (!request.principal) throw new AppError("UNAUTHENTICATED", "Log in to continue");
    if (!SAFE_METHODS.has(request.method) && request.headers["x-csrf-token"] !== request.principal.csrfToken) {
      throw new AppError("CSRF", "Missing or wrong X-CSRF-Token header");
    }
  });

  app.addHook("preValidation", async (request) => {
    const access = accessOf(request);
    if (!access || !("permission" in access)) return;
    const principal = request.principal;
    if (!principal) throw new AppError("UNAUTHENTICATED", "Log in to continue");
    // An initial (admin-set) password opens nothing but the profile, until it is changed.
    if (principal.mustChangePassword && principal.authMethod === "password") {
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "Change your initial password before continuing");
    }
    const slug = (request.params as { ambito?: string } | undefined)?.ambito;
    if (slug === undefined) {
      if (!globalPermissions(principal.assignments).includes(access.permission)) throw denied();
      return;
    }
    const tenant = await findTenant(db, slug);
    if (!tenant) throw new AppError("NOT_FOUND", `Ambito '${slug}' not found`);
    request.tenant = tenant;
    const scope = resolveScope(principal.userId, principal.assignments, tenant, access.permission);
    if (!scope) {
      if (access.personalData) {
        await recordAudit(db, {
          ambitoId: tenant.id,
          actorUserId: principal.userId,
          actorKind: "user",
          action: "access.denied",
          entityType: "route",
          entityId: request.routeOptions.url ?? null,
          outcome: "denied",
          ip: request.ip,
          details: { permission: access.permission, method: request.method },
        });
      }
      throw denied();
    }
    request.scope = scope;
  });
}

const denied = () => new AppError("FORBIDDEN", "You do not have permission for this action");
