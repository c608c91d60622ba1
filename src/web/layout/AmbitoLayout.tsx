import { useEffect } from "react";
import { Outlet, useParams } from "react-router";
import { AmbitoContext } from "../auth/AmbitoContext.ts";
import { useMe } from "../auth/useMe.ts";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { LAST_AMBITO_KEY, storage } from "../storage.ts";
import { Shell } from "./Shell.tsx";

/** /a/:ambito/...: the Ambito must be one of the user's; it is remembered for the next visit. */
export function AmbitoLayout() {
  const { ambito: slug } = useParams();
  const me = useMe();
  const ambito = me.ambiti.find((a) => a.slug === slug);

  useEffect(() => {
    if (ambito) storage.set(LAST_AMBITO_KEY, ambito.slug);
  }, [ambito]);

  if (!ambito) {
    return (
      <Shell>
        <NotFoundPage />
      </Shell>
    );
  }
  return (
    <AmbitoContext.Provider value={ambito}>
      <Shell withNav>
        <Outlet />
      </Shell>
    </AmbitoContext.Provider>
  );
}
