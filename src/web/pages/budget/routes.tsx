import type { RouteObject } from "react-router";
import { ModulePage } from "../ModulePage.tsx";

/** Pages of Bilancio, below /a/:ambito/bilancio. */
export const budgetRoutes: RouteObject[] = [{ index: true, element: <ModulePage section="budget" /> }];
