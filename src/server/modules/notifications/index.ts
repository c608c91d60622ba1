// The notifications module's public face: the inbox routes and the service other modules call.
export { notificationsRoutes } from "./notifications.routes.ts";
export { type NewNotification, notify, notifyMany } from "./notifications.service.ts";
export type { NotificationKind, NotificationParams } from "./schema.ts";
