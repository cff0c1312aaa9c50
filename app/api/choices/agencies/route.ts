import { apiRoute } from "@/lib/api/handler";
import { agencyChoices } from "@/lib/choices/agencies";
import { choiceQuery } from "@/lib/choices/types";

export const dynamic = "force-dynamic";

/** GET /api/choices/agencies?q=…&limit=…&cursor=…: agencies the actor reaches, for a choice box (decision 029). */
export const GET = apiRoute({
  permission: "petition:read:subtree",
  query: choiceQuery,
  handle: ({ actor, query }) => agencyChoices(actor, query),
});
