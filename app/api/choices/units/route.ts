import { apiRoute } from "@/lib/api/handler";
import { unitChoices } from "@/lib/choices/units";
import { unitChoiceQuery } from "@/lib/choices/types";

export const dynamic = "force-dynamic";

/** GET /api/choices/units?q=…&levels=…&limit=…&cursor=…&asOf=…: units of the actor's subtree for a choice box (decision 029), as of a day. */
export const GET = apiRoute({
  permission: "organisation:read:subtree",
  query: unitChoiceQuery,
  handle: ({ actor, query }) => unitChoices(actor, query, { today: query.asOf }),
});
