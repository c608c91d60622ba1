import type { FastifyServerOptions } from "fastify";
import type { Config } from "../config.ts";

/**
 * Structured logs carry ids and routes, never personal data: no bodies, no query strings (they may
 * hold names or codici fiscali), and database errors without their `detail` (it echoes values).
 */
export function loggerOptions(config: Config): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-csrf-token']"], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: string }) => ({
        type: err.name,
        code: err.code,
        message: err.message,
        stack: err.stack ?? "",
      }),
    },
    ...(config.env === "development" && process.stdout.isTTY
      ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } }
      : {}),
  };
}
