import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { ERROR_CODES, type ErrorCode, type ErrorResponse } from "../../shared/contracts/common.ts";

export interface FieldError {
  path: string;
  message: string;
}

/** The one error type services throw; `code` maps to an HTTP status in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You do not have permission for this action") => new AppError("FORBIDDEN", message);

const PG_UNIQUE = "23505";
const PG_FOREIGN_KEY = "23503";
const PG_CHECK = "23514";
const PG_INVALID_TEXT = "22P02";

function body(code: ErrorCode, message: string, fields?: FieldError[]): ErrorResponse {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(body("NOT_FOUND", `No route for ${request.method} ${request.url.split("?")[0]}`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(ERROR_CODES[error.code]).send(body(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
        message: v.message ?? "invalid",
      }));
      return reply.code(400).send(body("VALIDATION", "The request has invalid fields", fields));
    }
    const pgCode = (error as { code?: string }).code;
    if (pgCode === PG_UNIQUE)
      return reply.code(409).send(body("CONFLICT", "A record with these values already exists"));
    if (pgCode === PG_FOREIGN_KEY || pgCode === PG_CHECK || pgCode === PG_INVALID_TEXT) {
      return reply.code(400).send(body("VALIDATION", "The request refers to values that are not valid here"));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).send(body("PAYLOAD_TOO_LARGE", "The request body is too large"));
    if (status === 415)
      return reply.code(415).send(body("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json"));
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      return reply.code(400).send(body("VALIDATION", error.message));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send(body("INTERNAL", "Internal error: the incident has been logged"));
  });
}
