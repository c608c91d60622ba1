import type { TFunction } from "i18next";
import { ApiError } from "../api.ts";

/** The server's (English) field messages that the UI knows how to say in the user's language. */
const KNOWN: Record<string, string> = {
  required: "errors.fields.required",
  "required for this role": "errors.fields.requiredForRole",
  "not allowed for this role": "errors.fields.notAllowedForRole",
  "at least 12 characters": "errors.fields.min12",
  "3-64 characters: letters, digits, dot, dash, underscore": "errors.fields.username",
  "already taken": "errors.fields.taken",
  "must mix letters with digits or symbols": "errors.fields.passwordMix",
  "at least one role": "errors.fields.oneRole",
  "this Comune is not part of the Ambito": "errors.fields.comuneNotInAmbito",
  "this role is platform-wide: create it with the CLI": "errors.fields.platformRole",
  "own account": "errors.fields.ownAccount",
  "Invalid email address": "errors.fields.email",
  "wrong password": "errors.fields.wrongPassword",
  "same as the current password": "errors.fields.samePassword",
};

/** One field message in the user's language (the server's text when unknown). */
export function fieldMessage(message: string, t: TFunction): string {
  const key = KNOWN[message] ?? (/email/i.test(message) ? "errors.fields.email" : undefined);
  return key ? t(key) : message;
}

/** Field errors of a failed request, keyed by field path (e.g. "roles.0.comuneIstat"), translated. */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldMap())) out[path] = fieldMessage(message, t);
  return out;
}
