/**
 * Completeness and timeliness, as DHIS2 reports them (decision 066): a unit's report of a period is sent
 * (submitted, or approved) on time or late against its deadline, or not sent: overdue once the deadline
 * has passed, else not yet due. A returned report is not sent until it is sent again, and its time is
 * that of its last sending. Pure.
 */
import type { PeriodicReportStatus } from "../generated/prisma/enums";
import { todayInVietnam } from "../time";

export const STANDINGS = ["onTime", "late", "missing", "pending"] as const;
export type Standing = (typeof STANDINGS)[number];

export function standingOf(report: { status: PeriodicReportStatus; submittedAt: Date | null } | null, dueOn: Date, today: Date): Standing {
  const sent = report && (report.status === "SUBMITTED" || report.status === "APPROVED") && report.submittedAt;
  if (sent) return todayInVietnam(report.submittedAt!) <= dueOn ? "onTime" : "late";
  return today > dueOn ? "missing" : "pending";
}

export interface StandingCounts {
  units: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  /** Sent (on time or late) / units, in percent; null without units. */
  completeness: number | null;
  /** On time / units, in percent. */
  timeliness: number | null;
}

export function countStandings(standings: readonly Standing[], percent: (part: number, whole: number) => number | null): StandingCounts {
  const c = { onTime: 0, late: 0, missing: 0, pending: 0 };
  for (const s of standings) c[s]++;
  const units = standings.length;
  return { units, ...c, completeness: percent(c.onTime + c.late, units), timeliness: percent(c.onTime, units) };
}
