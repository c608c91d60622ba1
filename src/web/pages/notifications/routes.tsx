import type { RouteObject } from "react-router";
import { NotificationsPage } from "./NotificationsPage.tsx";

/** The signed-in user's inbox (any role), in the plain frame. */
export const notificationsRoutes: RouteObject[] = [{ path: "/notifiche", element: <NotificationsPage /> }];
