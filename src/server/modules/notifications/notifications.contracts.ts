import { z } from "zod";
import { NOTIFICATION_KINDS } from "./schema.ts";

export const notificationDto = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** Interpolated by the web text `notifications.kind.<kind>`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const inboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const inboxDto = z.object({
  items: z.array(notificationDto),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type InboxDto = z.infer<typeof inboxDto>;

export const notificationParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});
