import type { RouteObject } from "react-router";
import { ApplyPage } from "./ApplyPage.tsx";
import { CallPage } from "./CallPage.tsx";
import { CallsPage } from "./CallsPage.tsx";
import { FitPage } from "./FitPage.tsx";
import { PortalLayout } from "./PortalLayout.tsx";
import { RankingPage } from "./RankingPage.tsx";
import { SearchPage } from "./SearchPage.tsx";
import { ServicePage } from "./ServicePage.tsx";
import { StatusPage } from "./StatusPage.tsx";

/** Public pages for citizens (no login), outside any Ambito's back office. */
export const portalRoutes: RouteObject[] = [
  {
    element: <PortalLayout />,
    children: [
      { path: "/servizi", element: <SearchPage /> },
      { path: "/servizi/orientamento", element: <FitPage /> },
      { path: "/servizi/:ambito/:id", element: <ServicePage /> },
      { path: "/bandi", element: <CallsPage /> },
      { path: "/bandi/:ambito", element: <CallsPage /> },
      { path: "/bandi/:ambito/:code", element: <CallPage /> },
      { path: "/bandi/:ambito/:code/domanda", element: <ApplyPage /> },
      { path: "/bandi/:ambito/:code/graduatoria", element: <RankingPage /> },
      { path: "/stato-domanda", element: <StatusPage /> },
    ],
  },
];
