/** /api/v1/notifications: the signed-in user's own notifications, newest first (decision 062). */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { checkboxField } from "../forms/fields";
import { listNotifications } from "../notifications/queries";
import { pageParams } from "./cursor";

export const notificationListQuery = z.object({
  unread: checkboxField.meta({ description: "Only the unread ones (`1`/`true`).", example: "1" }),
  ...pageParams,
});
export type NotificationListQuery = z.output<typeof notificationListQuery>;

export async function listApiNotifications(actor: Actor, query: NotificationListQuery) {
  return listNotifications(actor, { cursor: query.cursor, limit: query.limit, unreadOnly: query.unread });
}
