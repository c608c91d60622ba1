import { createContext, useContext } from "react";
import type { AmbitoAccess } from "./permissions.ts";

export const AmbitoContext = createContext<AmbitoAccess | null>(null);

/** The Ambito in the URL (/a/:ambito) with the user's permissions there; only inside <AmbitoLayout>. */
export function useAmbito(): AmbitoAccess {
  const ambito = useContext(AmbitoContext);
  if (!ambito) throw new Error("useAmbito() outside <AmbitoLayout>");
  return ambito;
}

/** The Ambito in the URL if any (the header works on pages without one, such as the profile). */
export function useOptionalAmbito(): AmbitoAccess | null {
  return useContext(AmbitoContext);
}
