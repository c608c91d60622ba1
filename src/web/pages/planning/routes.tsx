import type { RouteObject } from "react-router";
import { ModulePage } from "../ModulePage.tsx";

/** Pages of Programmazione, below /a/:ambito/programmazione. */
export const planningRoutes: RouteObject[] = [{ index: true, element: <ModulePage section="planning" /> }];
