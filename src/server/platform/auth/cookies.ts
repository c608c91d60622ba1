import type { FastifyReply } from "fastify";
import type { Config } from "../../config.ts";
import { SESSION_COOKIE } from "./sessions.ts";

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure === "auto" ? config.publicUrl.startsWith("https:") : config.cookieSecure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
