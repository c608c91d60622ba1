import type { TFunction } from "i18next";
import { ApiError } from "../api.ts";
import i18n from "../i18n/index.ts";

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

const euros = (cents: string) =>
  new Intl.NumberFormat(i18n.language, { style: "currency", currency: "EUR" }).format(Number(cents) / 100);

/** Server messages that carry figures: a pattern, the text's key, and its values (amounts in euro). */
const PATTERNS: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  [
    /^the shares add up to (\d+) cents, not to the amount of (\d+) cents$/,
    "errors.fields.sharesSum",
    (m) => ({ sum: euros(m[1] ?? "0"), amount: euros(m[2] ?? "0") }),
  ],
];

/** One field message in the user's language (the server's text when unknown). */
export function fieldMessage(message: string, t: TFunction): string {
  const key = KNOWN[message] ?? (/email/i.test(message) ? "errors.fields.email" : undefined);
  if (key) return t(key);
  for (const [re, patternKey, values] of PATTERNS) {
    const m = re.exec(message);
    if (m) return t(patternKey, values(m));
  }
  return message;
}

/** Field errors of a failed request, keyed by field path (e.g. "roles.0.comuneIstat"), translated. */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldMap())) out[path] = fieldMessage(message, t);
  return out;
}
