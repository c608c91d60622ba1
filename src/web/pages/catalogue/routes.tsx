import type { RouteObject } from "react-router";
import { ModulePage } from "../ModulePage.tsx";

/** Pages of Offerta, below /a/:ambito/offerta. */
export const catalogueRoutes: RouteObject[] = [{ index: true, element: <ModulePage section="catalogue" /> }];
