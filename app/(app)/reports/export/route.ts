import { getTranslations } from "next-intl/server";
import { periodLabel } from "@/lib/dashboards/period-label";
import { getActor } from "@/lib/auth/current";
import { allows } from "@/lib/auth/roles";
import { dashboardFor } from "@/lib/dashboards/dashboard";
import { exportDashboard } from "@/lib/dashboards/export";
import { parseReportParams } from "@/lib/dashboards/report-params";
import { todayInVietnam } from "@/lib/time";

/** GET /reports/export?<the page's params>: the dashboard as an xlsx report, always in Vietnamese. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Chưa đăng nhập", { status: 401 });
  if (!allows(actor, "report:read:subtree")) return new Response("Không tìm thấy", { status: 404 });
  const params = parseReportParams(Object.fromEntries(new URL(request.url).searchParams), todayInVietnam());
  const dashboard = await dashboardFor(actor, params.unit ?? actor.unit.id, params.period, params.view);
  if (!dashboard) return new Response("Không tìm thấy", { status: 404 });
  const t = await getTranslations({ locale: "vi", namespace: "reports" });
  const label = (key: string, values?: Record<string, string>) => t(key, values);
  const file = await exportDashboard(actor, dashboard, { t: label, period: periodLabel(dashboard.period, label), previousPeriod: periodLabel(dashboard.previousPeriod, label) }, params.sort, params.dir);
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
