/**
 * The in-app notification centre (decision 062): a user's own notifications, newest first in
 * keyset pages on `id` (index `Notification(userId, id)`), the unread count of the header (the
 * partial index on unread rows), and marking them read. Every query names the user: nobody reads
 * or marks another's, which is "not found".
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { ActionError } from "../actions/result";
import { allows } from "../auth/roles";
import { readCursor, toPage, type Page } from "../api/cursor";
import { db } from "../db/client";
import type { NotificationKind } from "../generated/prisma/enums";
import { isoDay } from "../time";

export const PAGE_SIZE = 20;
const cursorKey = z.object({ id: z.number().int().positive() });

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  day: string;
  title: string;
  body: string;
  link: string;
  read: boolean;
  createdAt: string;
}

/** One page of the user's notifications; throws InvalidCursorError for a cursor not of this list. */
export async function listNotifications(actor: Pick<Actor, "userId">, opts: { cursor?: string; limit?: number; unreadOnly?: boolean } = {}): Promise<Page<NotificationItem>> {
  const limit = opts.limit ?? PAGE_SIZE;
  const after = readCursor(opts.cursor, cursorKey);
  const rows = await db.notification.findMany({
    where: { userId: actor.userId, ...(after ? { id: { lt: after.id } } : {}), ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, kind: true, day: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id }),
    (r) => ({ id: r.id, kind: r.kind, day: isoDay(r.day), title: r.title, body: r.body, link: r.link, read: r.readAt !== null, createdAt: r.createdAt.toISOString() }),
  );
}

/** The header's count, capped (the badge says "99+" beyond). */
/** The header's badge for this user (both routers' shells): their unread count, or null for a user without the centre. */
export async function headerUnreadCount(actor: Pick<Actor, "userId" | "duties" | "unit">): Promise<number | null> {
  return allows(actor, "notification:read:own") ? unreadCount(actor.userId) : null;
}

export async function unreadCount(userId: number): Promise<number> {
  const rows = await db.notification.findMany({ where: { userId, readAt: null }, select: { id: true }, take: 100 });
  return rows.length;
}

export async function markRead(actor: Pick<Actor, "userId">, notificationId: number, now = new Date()): Promise<{ id: number }> {
  const n = await db.notification.findFirst({ where: { id: notificationId, userId: actor.userId }, select: { id: true, readAt: true } });
  if (!n) throw new ActionError("NOT_FOUND");
  if (!n.readAt) await db.notification.updateMany({ where: { id: n.id, userId: actor.userId, readAt: null }, data: { readAt: now } });
  return { id: n.id };
}

export async function markAllRead(actor: Pick<Actor, "userId">, now = new Date()): Promise<{ count: number }> {
  const { count } = await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: now } });
  return { count };
}
