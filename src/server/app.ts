import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import type { Db } from "./db/database.ts";
import { registerModuleLinks } from "./links.ts";
import { auditRoutes, usersRoutes } from "./modules/admin/index.ts";
import { budgetRoutes } from "./modules/budget/index.ts";
import { casesRoutes } from "./modules/cases/index.ts";
import { catalogueRoutes } from "./modules/catalogue/index.ts";
import { notificationsRoutes } from "./modules/notifications/index.ts";
import { observatoryRoutes } from "./modules/observatory/index.ts";
import { peopleRoutes } from "./modules/people/index.ts";
import { planningRoutes } from "./modules/planning/index.ts";
import { siussRoutes } from "./modules/siuss/index.ts";
import { territoryRoutes } from "./modules/territory/index.ts";
import { registerAuth } from "./platform/auth/auth.plugin.ts";
import { authRoutes } from "./platform/auth/auth.routes.ts";
import { oidcRoutes } from "./platform/auth/oidc.routes.ts";
import { registerErrorHandler } from "./platform/errors.ts";
import { healthRoutes } from "./platform/health.routes.ts";
import { loggerOptions } from "./platform/logger.ts";

export interface AppDeps {
  config: Config;
  db: Db;
  dbKind: "pglite" | "postgres";
}

export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Builds the whole application; never listens, so tests drive it with inject() or an ephemeral port. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Filiera API",
        version: "0.1.0",
        description:
          "Information system of Italian local welfare. Sessions use the filiera_sid cookie; writes need X-CSRF-Token.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "filiera_sid" } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerModuleLinks();
  registerAuth(app, deps);
  await app.register(async (scope) => {
    await healthRoutes(scope, deps);
    await authRoutes(scope, deps);
    await oidcRoutes(scope, deps);
    await territoryRoutes(scope, deps);
    await usersRoutes(scope, deps);
    await auditRoutes(scope, deps);
    await peopleRoutes(scope, deps);
    await observatoryRoutes(scope, deps);
    await budgetRoutes(scope, deps);
    await casesRoutes(scope, deps);
    await planningRoutes(scope, deps);
    await catalogueRoutes(scope, deps);
    await siussRoutes(scope, deps);
    await notificationsRoutes(scope, deps);
  });

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    // Client-side routes: anything outside /api gets the app shell.
    app.get("/*", { config: { access: { public: true } }, schema: { hide: true } }, (request, reply) => {
      const path = request.url.split("?")[0] ?? "";
      // Unknown API routes and missing files (an old asset after a redeploy) are 404s, not the app shell.
      if (path.startsWith("/api/") || /\.[a-z0-9]+$/i.test(path)) {
        return reply.code(404).send({ error: { code: "NOT_FOUND", message: `No such resource: ${path}` } });
      }
      return reply.sendFile("index.html");
    });
  }
  return app;
}
