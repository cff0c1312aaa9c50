import { apiRoute } from "@/lib/api/handler";
import { listApiMeetings, meetingListQuery } from "@/lib/api/meetings";

export const dynamic = "force-dynamic";

/** GET /api/v1/meetings?unit=<code>&kind=…&from=…&to=…&limit=…&cursor=… */
export const GET = apiRoute({
  permission: "meeting:read:subtree",
  query: meetingListQuery,
  handle: ({ actor, query }) => listApiMeetings(actor, query),
});
