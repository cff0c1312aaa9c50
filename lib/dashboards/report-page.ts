/**
 * What the reports page reads beside the dashboard: the children's boundaries for the map, the on-time
 * threshold that applies, the periodic reports of the units below (issue 17) and the hotspots they mark
 * (decision 080). Read as one computation shared by the requests that ask for the same page at the same
 * time (decision 048), so that many readers of one report page cost the database one reading.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { reachRoots } from "../auth/scope";
import { db } from "../db/client";
import { hotspotMarks } from "../periodic-reports/hotspot-queries";
import { reportPeriodOf } from "../periodic-reports/period";
import { completenessOf } from "../periodic-reports/queries";
import { isoDay, todayInVietnam } from "../time";
import { boundariesOf } from "../units/boundaries/queries";
import { dashboardFor } from "./dashboard";
import { shared } from "../cache/shared";
import { thresholdFor } from "./threshold";
import type { DashboardView, Period } from "./types";

export type ReportPage = NonNullable<Awaited<ReturnType<typeof computeReportPage>>>;

/** The reports page's figures for `unitId`, or null when the actor may not read them (answer "not found"). */
export function reportPageFor(actor: Actor, unitId: number, period: Period, view: DashboardView): Promise<ReportPage | null> {
  const key = JSON.stringify(["report-page", actor.duties, reachRoots(actor), unitId, period, view, isoDay(todayInVietnam())]);
  return shared(key, () => computeReportPage(actor, unitId, period, view));
}

async function computeReportPage(actor: Actor, unitId: number, period: Period, view: DashboardView) {
  const dashboard = await dashboardFor(actor, unitId, period, view);
  if (!dashboard) return null;
  const unit = await db.unit.findUniqueOrThrow({ where: { id: dashboard.unit.id }, select: { ancestorIds: true } });
  // The periodic reports of the units below, when the period is one they are written for (issue 17).
  const reportPeriod = reportPeriodOf(dashboard.period);
  const [shapes, threshold, completeness, marks] = await Promise.all([
    boundariesOf(db, dashboard.children.map((c) => c.unit.id)),
    thresholdFor(unit),
    reportPeriod ? completenessOf(actor, dashboard.unit.id, reportPeriod) : null,
    // The units below with hotspots in the period (decision 080): one indexed statement, whatever the number of children.
    allows(actor, "periodic-report:read:subtree") && dashboard.children.length > 0 ? hotspotMarks({ id: dashboard.unit.id, ancestorIds: unit.ancestorIds }, dashboard.period) : null,
  ]);
  return { dashboard, reportPeriod, shapes, threshold, completeness, marks };
}
