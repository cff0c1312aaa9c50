import { apiRoute } from "@/lib/api/handler";
import { searchApiUnits, unitSearchQuery } from "@/lib/api/units";

export const dynamic = "force-dynamic";

/** GET /api/v1/units?q=…&level=…&limit=…&cursor=… */
export const GET = apiRoute({
  permission: "organisation:read:subtree",
  query: unitSearchQuery,
  handle: ({ actor, query }) => searchApiUnits(actor, query),
});
