import { apiRoute } from "@/lib/api/handler";
import { listApiNotifications, notificationListQuery } from "@/lib/api/notifications";

export const dynamic = "force-dynamic";

/** GET /api/v1/notifications?unread=1&limit=…&cursor=…: the user's own. */
export const GET = apiRoute({
  permission: "notification:read:own",
  query: notificationListQuery,
  handle: ({ actor, query }) => listApiNotifications(actor, query),
});
