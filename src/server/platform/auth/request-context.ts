import type { Permission } from "../../../shared/contracts/rbac.ts";
import type { Tenant } from "../tenancy.ts";
import type { AccessScope, Assignment } from "./access.ts";

/** What each route declares: deny by default, so a route without `access` refuses to register. */
export type RouteAccess =
  | { public: true }
  | { authenticated: true }
  | { permission: Permission; personalData?: boolean; purpose?: string };

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  authMethod: string;
  mustChangePassword: boolean;
  csrfToken: string;
  sessionToken: string;
  assignments: Assignment[];
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    tenant: Tenant | null;
    scope: AccessScope | null;
  }
}

export function requirePrincipal(p: Principal | null): Principal {
  if (!p) throw new Error("route reached without a principal: check its access declaration");
  return p;
}

export function requireScope(s: AccessScope | null): AccessScope {
  if (!s) throw new Error("route reached without a scope: it must declare a permission under /api/ambiti/:ambito");
  return s;
}
