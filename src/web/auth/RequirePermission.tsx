import type { ReactNode } from "react";
import type { Permission } from "../../shared/contracts/rbac.ts";
import { ForbiddenPage } from "../pages/ForbiddenPage.tsx";
import { useAmbito } from "./AmbitoContext.ts";
import { canAny } from "./permissions.ts";

/** Renders the children only if the user holds one of the permissions in the current Ambito. */
export function RequirePermission({ any, children }: { any: readonly Permission[]; children: ReactNode }) {
  const ambito = useAmbito();
  return canAny(ambito, any) ? children : <ForbiddenPage />;
}
