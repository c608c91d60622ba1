import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** Table types of the notifications module; keep in step with migrations/0010-notifications.ts. */
export const NOTIFICATION_KINDS = [
  "application_submitted",
  "application_resubmitted",
  "documents_requested",
  "application_approved",
  "application_rejected",
  "ranking_funded",
  "ranking_waiting",
  "ranking_excluded",
  "appeal_upheld",
  "appeal_rejected",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Values the web text of a kind interpolates; strings and numbers only, nothing personal. */
export type NotificationParams = Record<string, string | number>;

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  ambito_id: number | null;
  kind: NotificationKind;
  params: JSONColumnType<NotificationParams>;
  link: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NotificationsTables {
  notification: NotificationTable;
}
