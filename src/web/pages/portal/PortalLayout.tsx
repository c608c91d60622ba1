import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import type { MeResponse } from "../../../shared/contracts/auth.ts";
import { setCsrfToken } from "../../api.ts";
import { MeContext } from "../../auth/useMe.ts";
import { Shell } from "../../layout/Shell.tsx";

/**
 * The citizen portal's frame: public, so the session is optional. /api/auth/me is read directly
 * (not through the api client, whose 401 handler would send an anonymous visitor to the login page).
 */
async function optionalMe(): Promise<MeResponse | null> {
  const res = await fetch("/api/auth/me", { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!res.ok) return null;
  const me = (await res.json()) as MeResponse;
  setCsrfToken(me.csrfToken);
  return me;
}

export const useOptionalMe = () =>
  useQuery({ queryKey: ["portal", "me"], queryFn: optionalMe, staleTime: 60_000, retry: false });

export function PortalLayout() {
  const { t } = useTranslation();
  const me = useOptionalMe();
  const links = [
    { to: "/servizi", label: t("portal.nav.search"), end: true },
    { to: "/servizi/orientamento", label: t("portal.nav.fit"), end: false },
    { to: "/bandi", label: t("portal.nav.calls"), end: false },
    { to: "/stato-domanda", label: t("portal.nav.status"), end: false },
  ];
  return (
    <MeContext.Provider value={me.data ?? null}>
      <Shell>
        <nav aria-label={t("portal.nav.label")} className="mb-4">
          <ul className="nav nav-tabs">
            {links.map((l) => (
              <li className="nav-item" key={l.to}>
                <NavLink className={({ isActive }) => `nav-link${isActive ? " active" : ""}`} to={l.to} end={l.end}>
                  {l.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <Outlet />
      </Shell>
    </MeContext.Provider>
  );
}
