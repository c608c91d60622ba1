import { Navigate } from "react-router";
import { useAmbito } from "../../auth/AmbitoContext.ts";
import { canAny } from "../../auth/permissions.ts";

/** /a/:ambito/admin: to the first page the user may open. */
export function AdminIndex() {
  const ambito = useAmbito();
  const to = canAny(ambito, ["users:read"]) ? "utenti" : "audit";
  return <Navigate to={`/a/${ambito.slug}/admin/${to}`} replace />;
}
