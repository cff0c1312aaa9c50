/**
 * The pure rules of the report deadline reminders (decision 081): which deadline applies, which reminder a day
 * gives, and its words. lib/periodic-reports/reminders.ts runs them on the database.
 */
import { isWorkingDay, workingDaysBetween } from "../calendar";
import { formatDate } from "../format";
import type { ReportPeriodKind, UnitLevel } from "../generated/prisma/enums";
import { DEFAULT_DEADLINE_DAY } from "./template";

/** Working days before the deadline when the unit is first reminded (the petitions' default schedule's, decision 061). */
export const REPORT_DAYS_BEFORE = 3;
/** An overdue report is reminded once, on the first working day the sweep runs within this many days of its deadline. */
export const REPORT_OVERDUE_WINDOW_DAYS = 31;

export const REPORTING = ["COMMUNE", "DISTRICT", "PROVINCE"] as const satisfies readonly UnitLevel[];

export type TemplateRow = { ownerUnitId: number; level: UnitLevel; periodKind: ReportPeriodKind; version: number; deadlineDay: number };

/** The deadline day of a unit's reports of a kind: the nearest ancestor's latest template (as `findTemplate`), else the default. Pure. */
export function deadlineDayAmong(templates: readonly TemplateRow[], unit: { level: UnitLevel; ancestorIds: number[] }, kind: ReportPeriodKind): number {
  let best: TemplateRow | null = null;
  for (const t of templates) {
    if (t.level !== unit.level || t.periodKind !== kind) continue;
    const depth = unit.ancestorIds.indexOf(t.ownerUnitId);
    if (depth < 0) continue;
    const bestDepth = best ? unit.ancestorIds.indexOf(best.ownerUnitId) : -1;
    if (!best || depth > bestDepth || (depth === bestDepth && t.version > best.version)) best = t;
  }
  return best?.deadlineDay ?? DEFAULT_DEADLINE_DAY[unit.level] ?? 20;
}

/** Which reminder, if any, a report not sent gets today: pure, on working days. */
export function reportReminderOn(day: string, dueOn: string, calendar: Parameters<typeof isWorkingDay>[1]): { kind: "REPORT_DUE_SOON"; workingDaysLeft: number } | { kind: "REPORT_OVERDUE" } | null {
  if (!isWorkingDay(day, calendar)) return null;
  if (day <= dueOn) {
    const left = workingDaysBetween(day, dueOn, calendar);
    return left <= REPORT_DAYS_BEFORE ? { kind: "REPORT_DUE_SOON", workingDaysLeft: left } : null;
  }
  const since = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000;
  return since <= REPORT_OVERDUE_WINDOW_DAYS ? { kind: "REPORT_OVERDUE" } : null;
}

export function reportReminderText(kind: "REPORT_DUE_SOON" | "REPORT_OVERDUE", f: { unit: string; period: string; dueOn: Date; workingDaysLeft?: number }) {
  const due = formatDate(f.dueOn);
  return kind === "REPORT_DUE_SOON"
    ? {
        title: `Báo cáo ${f.period} sắp đến hạn gửi`,
        body: f.workingDaysLeft
          ? `Báo cáo ${f.period} của ${f.unit} chưa được gửi lên cấp trên; hạn gửi ngày ${due}, còn ${f.workingDaysLeft} ngày làm việc.`
          : `Báo cáo ${f.period} của ${f.unit} chưa được gửi lên cấp trên; hạn gửi là hôm nay, ngày ${due}.`,
      }
    : {
        title: `Báo cáo ${f.period} đã quá hạn gửi`,
        body: `Báo cáo ${f.period} của ${f.unit} chưa được gửi lên cấp trên; hạn gửi là ngày ${due}. Đề nghị hoàn thành và gửi báo cáo.`,
      };
}

