import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/RequirePermission.tsx";
import { PeoplePage } from "../people/PeoplePage.tsx";

/** Pages of the Cartella Sociale, below /a/:ambito/cartella. */
export const casesRoutes: RouteObject[] = [
  {
    index: true,
    element: (
      <RequirePermission any={["people:read", "cases:read"]}>
        <PeoplePage />
      </RequirePermission>
    ),
  },
];
