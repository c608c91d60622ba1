import type { RouteObject } from "react-router";

/** Public pages for citizens (no login), outside any Ambito's back office. */
export const portalRoutes: RouteObject[] = [];
