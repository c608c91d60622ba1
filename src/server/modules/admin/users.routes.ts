import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUserBody, updateUserBody, userDto, userIdParams, usersQuery } from "../../../shared/contracts/admin.ts";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import { createUser, getUser, listUsers, updateUser } from "./users.service.ts";

const tags = ["admin"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export async function usersRoutes(app: FastifyInstance, { db, config }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: { principal: Parameters<typeof requirePrincipal>[0]; ip: string }) => ({
    userId: requirePrincipal(request.principal).userId,
    kind: "user" as const,
    ip: request.ip,
  });

  r.get(
    "/api/ambiti/:ambito/users",
    {
      config: { access: { permission: "users:read" } },
      schema: {
        tags,
        summary: "Accounts holding a role in the Ambito",
        params: ambitoParams,
        querystring: usersQuery,
        response: { 200: z.object({ items: z.array(userDto), total: z.number().int() }), ...errors },
      },
    },
    async (request) => listUsers(db, requireScope(request.scope).ambitoId, request.query),
  );

  r.get(
    "/api/ambiti/:ambito/users/:id",
    {
      config: { access: { permission: "users:read" } },
      schema: { tags, summary: "One account", params: userIdParams, response: { 200: userDto, ...errors } },
    },
    async (request) => getUser(db, requireScope(request.scope).ambitoId, request.params.id),
  );

  r.post(
    "/api/ambiti/:ambito/users",
    {
      config: { access: { permission: "users:write" } },
      schema: {
        tags,
        summary: "Create an account with roles in this Ambito",
        params: ambitoParams,
        body: createUserBody,
        response: { 201: userDto, 409: errorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const user = await createUser(db, config, requireScope(request.scope).ambitoId, request.body, actorOf(request));
      return reply.code(201).send(user);
    },
  );

  r.patch(
    "/api/ambiti/:ambito/users/:id",
    {
      config: { access: { permission: "users:write" } },
      schema: {
        tags,
        summary: "Update an account; `roles` replaces its roles in this Ambito",
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userDto, ...errors },
      },
    },
    async (request) =>
      updateUser(db, requireScope(request.scope).ambitoId, request.params.id, request.body, actorOf(request)),
  );
}
