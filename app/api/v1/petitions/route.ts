import { apiRoute } from "@/lib/api/handler";
import { listApiPetitions, petitionListQuery } from "@/lib/api/petitions";

export const dynamic = "force-dynamic";

/** GET /api/v1/petitions?unit=<code>&q=…&status=…&limit=…&cursor=… (the list page's filters). */
export const GET = apiRoute({
  permission: "petition:read:subtree",
  query: petitionListQuery,
  handle: ({ actor, query }) => listApiPetitions(actor, query),
});
