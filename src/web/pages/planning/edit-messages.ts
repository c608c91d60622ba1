import type { TFunction } from "i18next";
import { fieldErrorsOf } from "../../components/fieldErrors.ts";

/**
 * The planning checks' field messages (plan-validate.ts and zod) in the user's language; any other
 * message goes through the shared translation (fieldErrorsOf), else stays the server's text.
 */
const PATTERNS: [RegExp, string][] = [
  [/^Too small: expected string to have >=1 characters?$/, "errors.fields.required"],
  [/^Invalid input: expected string, received undefined$/, "errors.fields.required"],
  [/^a percentage must be between 0 and 100$/, "planning.edit.errors.percent"],
  [/^must not be negative$/, "planning.edit.errors.negative"],
  [/^a yes\/no indicator takes 1 \(yes\) or 0 \(no\)$/, "planning.edit.errors.yesNo"],
  [/^ends before it starts$/, "planning.edit.errors.endsBeforeStart"],
  [/^\d+ is outside the plan period (\d+)-(\d+)$/, "planning.edit.errors.outsidePeriod"],
  [/^a specific objective needs its general objective$/, "planning.edit.errors.parentNeeded"],
  [/^a computed indicator needs a query key$/, "errors.fields.required"],
  [/^expected a date YYYY-MM-DD$/, "planning.edit.errors.date"],
];

export function editErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error, t))) {
    const hit = PATTERNS.map(([re, key]) => [re.exec(message), key] as const).find(([m]) => m);
    out[path] = hit ? t(hit[1], { from: hit[0]?.[1], to: hit[0]?.[2] }) : message;
  }
  return out;
}
