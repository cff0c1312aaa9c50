import { apiRoute } from "@/lib/api/handler";
import { getApiUnit, parseUnitRef, unitLookupQuery, type ApiUnit } from "@/lib/api/units";

export const dynamic = "force-dynamic";

/** GET /api/v1/units/{code} or /api/v1/units/id:{id}, optionally ?asOf=YYYY-MM-DD. */
export const GET = apiRoute<typeof unitLookupQuery, { code: string }, ApiUnit>({
  permission: "organisation:read:subtree",
  query: unitLookupQuery,
  handle: async ({ actor, query, params }) => {
    const ref = parseUnitRef(params.code);
    return ref ? getApiUnit(actor, ref, { asOf: query.asOf }) : null;
  },
});
