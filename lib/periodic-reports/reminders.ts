/**
 * Reminders of periodic reports' deadlines (decision 081), made by the daily sweep's job (lib/jobs/worker.ts)
 * through the notification channels (decision 062): a unit whose report of a period has not been sent is
 * reminded, through the people who write it (its own users with the writing duty), a few working days before
 * the deadline (`REPORT_DUE_SOON`) and once it has passed (`REPORT_OVERDUE`). Each notification's key is the
 * kind, the unit, the period and the user: the sweep run twice, or on every day of the window, makes each once.
 * Nothing of a person in the text: the unit, the period and the deadline.
 */
import { allows } from "../auth/roles";
import { isWorkingDay } from "../calendar";
import { loadHolidayCalendar } from "../calendar/table";
import { db } from "../db/client";
import { toDeliver } from "../notifications/deliver";
import { isoDay } from "../time";
import { officeName } from "../units/labels";
import { periodicQuery } from "./params";
import { dueOnOf, endedPeriods, REPORT_PERIOD_KINDS, reportPeriodLabel, type ReportPeriod } from "./period";
import { deadlineDayAmong, REPORTING, reportReminderOn, reportReminderText } from "./reminder-rules";

export interface ReportReminderResult {
  day: string;
  created: number;
  deliverIds: number[];
}

/** The day's reminders of reports: for every unit with writers, each period of each kind that has just ended or is due. */
export async function sweepReportReminders(today: Date): Promise<ReportReminderResult> {
  const day = isoDay(today);
  const year = today.getUTCFullYear();
  const calendar = await loadHolidayCalendar(db, year - 1, year + 1);
  if (!isWorkingDay(day, calendar)) return { day, created: 0, deliverIds: [] };

  // The writers: active users at a reporting unit standing today, with the writing duty (duties filtered here, as in
  // lib/notifications/sweep.ts: Prisma's enum-array filters fail on the PGlite adapter).
  const users = (
    await db.user.findMany({
      where: { active: true, unit: { level: { in: [...REPORTING] }, parentId: { not: null }, OR: [{ validTo: null }, { validTo: { gte: today } }] } },
      select: { id: true, duties: true, unit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true, validFrom: true, validTo: true } } },
    })
  ).filter((u) => allows(u, "periodic-report:write:subtree") && allows(u, "report:read:subtree"));
  if (users.length === 0) return { day, created: 0, deliverIds: [] };
  const units = new Map(users.map((u) => [u.unit.id, u.unit]));
  const templates = await db.reportTemplate.findMany({ select: { ownerUnitId: true, level: true, periodKind: true, version: true, deadlineDay: true } });

  // Candidate (unit, period) pairs: the last two ended periods of each kind (the one due and the one just overdue).
  const periods = REPORT_PERIOD_KINDS.flatMap((kind) => endedPeriods(kind, today, 2));
  const due: { unitId: number; period: ReportPeriod; dueOn: Date; reminder: NonNullable<ReturnType<typeof reportReminderOn>> }[] = [];
  for (const unit of units.values()) {
    for (const period of periods) {
      if ((unit.validFrom && isoDay(unit.validFrom) > period.to) || (unit.validTo && isoDay(unit.validTo) < period.from)) continue;
      const dueOn = dueOnOf(period, deadlineDayAmong(templates, unit, period.kind));
      const reminder = reportReminderOn(day, isoDay(dueOn), calendar);
      if (reminder) due.push({ unitId: unit.id, period, dueOn, reminder });
    }
  }
  if (due.length === 0) return { day, created: 0, deliverIds: [] };
  // Reports already sent are not reminded (the unique index on unit, kind and period).
  const sent = new Set(
    (
      await db.periodicReport.findMany({
        where: { unitId: { in: [...new Set(due.map((d) => d.unitId))] }, period: { in: [...new Set(due.map((d) => d.period.key))] }, status: { in: ["SUBMITTED", "APPROVED"] } },
        select: { unitId: true, period: true },
      })
    ).map((r) => `${r.unitId}:${r.period}`),
  );
  const writersOf = new Map<number, number[]>();
  for (const u of users) writersOf.set(u.unit.id, [...(writersOf.get(u.unit.id) ?? []), u.id]);
  const rows = due
    .filter((d) => !sent.has(`${d.unitId}:${d.period.key}`))
    .flatMap((d) => {
      const unit = units.get(d.unitId)!;
      const text = reportReminderText(d.reminder.kind, {
        unit: officeName(unit, day),
        period: reportPeriodLabel(d.period),
        dueOn: d.dueOn,
        workingDaysLeft: d.reminder.kind === "REPORT_DUE_SOON" ? d.reminder.workingDaysLeft : undefined,
      });
      const link = `/reports/periodic/report?${periodicQuery({ unit: d.unitId, period: d.period })}`;
      return writersOf.get(d.unitId)!.map((userId) => ({
        userId,
        kind: d.reminder.kind,
        petitionId: null,
        day: today,
        ...text,
        link,
        dedupeKey: `${d.reminder.kind}:${d.unitId}:${d.period.key}:${userId}`,
      }));
    });
  const created = rows.length ? await db.notification.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, userId: true } }) : [];
  return { day, created: created.length, deliverIds: await toDeliver(created) };
}
