import { apiRoute } from "@/lib/api/handler";
import { listApiPeriodicReports, periodicReportListQuery } from "@/lib/api/periodic-reports";

export const dynamic = "force-dynamic";

/** GET /api/v1/periodic-reports?unit=<code|id:N>&period=<YYYY-MM|YYYY-Qn|YYYY-H1|YYYY-H2|YYYY>[&limit&cursor]. */
export const GET = apiRoute({
  permission: "periodic-report:read:subtree",
  query: periodicReportListQuery,
  handle: ({ actor, query }) => listApiPeriodicReports(actor, query),
});
