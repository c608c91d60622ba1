import { useAmbito } from "../../auth/AmbitoContext.ts";
import { rolesIn } from "../../auth/permissions.ts";
import { useMe } from "../../auth/useMe.ts";
import { comuneNames, useAmbitoDetail } from "../../hooks/useAmbitoDetail.ts";

/** The Comuni the user works for in this Ambito (all of them when a role is not limited), with names. */
export function useMyComuni(): { code: string; name: string }[] {
  const ambito = useAmbito();
  const me = useMe();
  const detail = useAmbitoDetail(ambito.slug);
  const names = comuneNames(detail.data);
  const roles = rolesIn(me, ambito.slug).filter((r) => r.role === "social_worker");
  const codes = roles.some((r) => r.comuneIstat === null)
    ? [...names.keys()]
    : [...new Set(roles.map((r) => r.comuneIstat).filter((c): c is string => c !== null))];
  return codes.map((code) => ({ code, name: names.get(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
}
