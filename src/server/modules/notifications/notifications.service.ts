import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { notFound } from "../../platform/errors.ts";
import type { InboxDto, NotificationDto } from "./notifications.contracts.ts";
import type { NotificationKind, NotificationParams } from "./schema.ts";

export interface NewNotification {
  userId: number;
  ambitoId?: number | null;
  kind: NotificationKind;
  params: NotificationParams;
  /** An app path ("/stato-domanda?codice=…"): never an outside address. */
  link?: string | null;
}

/**
 * Adds notifications to their recipients' inboxes. Takes the caller's transaction so a status
 * change and its notification commit together. One statement whatever the count (a published
 * ranking notifies every applicant).
 */
export async function notifyMany(db: Db, list: NewNotification[]): Promise<void> {
  if (!list.length) return;
  for (const n of list) if (n.link && !n.link.startsWith("/")) throw new Error("notification links are app paths");
  await sql`insert into notification (user_id, ambito_id, kind, params, link)
    select n.user_id, n.ambito_id, n.kind, n.params::jsonb, n.link
    from unnest(${list.map((n) => n.userId)}::int[], ${list.map((n) => n.ambitoId ?? null)}::int[],
      ${list.map((n) => n.kind)}::text[], ${list.map((n) => JSON.stringify(n.params))}::text[],
      ${list.map((n) => n.link ?? null)}::text[]) as n(user_id, ambito_id, kind, params, link)`.execute(db);
}

export const notify = (db: Db, n: NewNotification) => notifyMany(db, [n]);

type Row = {
  id: number;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
};

const toDto = (r: Row): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  params: r.params,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

const COLUMNS = ["id", "kind", "params", "link", "created_at", "read_at"] as const;

/** The caller's inbox, newest first; the unread count is over the whole inbox, not the page. */
export async function inbox(
  db: Db,
  userId: number,
  q: { page: number; pageSize: number; unread: boolean },
): Promise<InboxDto> {
  const mine = db
    .selectFrom("notification")
    .where("user_id", "=", userId)
    .$if(q.unread, (s) => s.where("read_at", "is", null));
  const [rows, counts] = await Promise.all([
    mine
      .select(COLUMNS)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    db
      .selectFrom("notification")
      .select([
        (eb) => eb.fn.countAll<number>().as("total"),
        sql<number>`count(*) filter (where read_at is null)`.as("unread"),
      ])
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(toDto),
    total: q.unread ? Number(counts.unread) : Number(counts.total),
    unread: Number(counts.unread),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks one of the caller's notifications read; someone else's is "not found", like a missing one. */
export async function markRead(db: Db, userId: number, id: number): Promise<NotificationDto> {
  const row = await db
    .updateTable("notification")
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw notFound("Notification");
  return toDto(row);
}

export async function markAllRead(db: Db, userId: number): Promise<{ updated: number }> {
  const res = await db
    .updateTable("notification")
    .set({ read_at: new Date() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return { updated: Number(res.numUpdatedRows) };
}
