/** Table types of the notifications module; keep in step with migrations/0010-notifications.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module grows
export interface NotificationsTables {}
