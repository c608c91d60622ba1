import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal } from "../../platform/auth/request-context.ts";
import { inboxDto, inboxQuery, notificationDto, notificationParams } from "./notifications.contracts.ts";
import { inbox, markAllRead, markRead } from "./notifications.service.ts";

const tags = ["notifications"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
// Every signed-in user has an inbox; each route reads and writes the caller's own rows only.
const own = { access: { authenticated: true as const } };

/** The signed-in user's in-app notifications. */
export async function notificationsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/me/notifications",
    {
      config: own,
      schema: {
        tags,
        summary: "My notifications, newest first, with the unread count",
        querystring: inboxQuery,
        response: { 200: inboxDto, ...errors },
      },
    },
    async (request) => inbox(db, requirePrincipal(request.principal).userId, request.query),
  );
  r.post(
    "/api/me/notifications/read-all",
    {
      config: own,
      schema: {
        tags,
        summary: "Mark all my notifications read",
        response: { 200: z.object({ updated: z.number() }), ...errors },
      },
    },
    async (request) => markAllRead(db, requirePrincipal(request.principal).userId),
  );
  r.post(
    "/api/me/notifications/:id/read",
    {
      config: own,
      schema: {
        tags,
        summary: "Mark one of my notifications read",
        params: notificationParams,
        response: { 200: notificationDto, ...errors },
      },
    },
    async (request) => markRead(db, requirePrincipal(request.principal).userId, request.params.id),
  );
}
