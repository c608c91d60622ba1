import type { ReactNode } from "react";
import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/RequirePermission.tsx";
import { NewPersonPage } from "../people/NewPersonPage.tsx";
import { PeoplePage } from "../people/PeoplePage.tsx";
import { PersonFilePage } from "../people/PersonFilePage.tsx";
import { CaseFilePage } from "./CaseFilePage.tsx";
import { EmergencyReviewPage } from "./EmergencyReviewPage.tsx";

const casework = (page: ReactNode) => <RequirePermission any={["people:read", "cases:read"]}>{page}</RequirePermission>;

/** Pages of the Cartella Sociale, below /a/:ambito/cartella. */
export const casesRoutes: RouteObject[] = [
  { index: true, element: casework(<PeoplePage />) },
  {
    path: "persone/nuova",
    element: (
      <RequirePermission any={["people:write"]}>
        <NewPersonPage />
      </RequirePermission>
    ),
  },
  { path: "persone/:id", element: casework(<PersonFilePage />) },
  {
    path: "casi/:id",
    element: (
      <RequirePermission any={["cases:read"]}>
        <CaseFilePage />
      </RequirePermission>
    ),
  },
  {
    path: "accessi-emergenza",
    element: (
      <RequirePermission any={["cases:review"]}>
        <EmergencyReviewPage />
      </RequirePermission>
    ),
  },
];
