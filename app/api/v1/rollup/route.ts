import { apiRoute } from "@/lib/api/handler";
import { getApiRollup, rollupQuery } from "@/lib/api/rollup";

export const dynamic = "force-dynamic";

/** GET /api/v1/rollup?unit=<code|id:N>&from=YYYY-MM-01&to=YYYY-MM-DD[&view=historical|restated]. */
export const GET = apiRoute({
  permission: "report:read:subtree",
  query: rollupQuery,
  handle: ({ actor, query }) => getApiRollup(actor, query),
});
