import type { TFunction } from "i18next";
import type { UserDto } from "../../../shared/contracts/admin.ts";

type Assignment = UserDto["roles"][number];

/** "Assistente sociale – Rozzano": a role with the Comune or organisation it is scoped to. */
export function assignmentLabel(
  a: Assignment,
  t: TFunction,
  names: { comuni: Map<string, string>; organisations: Map<number, string> },
): string {
  const role = t(`roles.${a.role}`);
  if (a.comuneIstat) return t("roles.withComune", { role, comune: names.comuni.get(a.comuneIstat) ?? a.comuneIstat });
  if (a.organisationId) {
    const organisation = names.organisations.get(a.organisationId) ?? String(a.organisationId);
    return t("roles.withComune", { role, comune: organisation });
  }
  return role;
}
