/**
 * When a petition's reminders fall, in working days (decision 061): a field's schedule says how many
 * working days before the deadline the first comes, whether one comes on the day, and how often one
 * comes while the petition is overdue. Pure: the calendar is the holiday table's (lib/calendar), the
 * working-day arithmetic lib/calendar's own.
 */
import { compareDates, isWorkingDay, workingDaysBetween, type CalendarDate, type HolidayCalendar } from "../calendar";

export interface ReminderScheduleValues {
  /** Working days before the deadline; 0: no reminder before the day. */
  daysBefore: number;
  onDueDay: boolean;
  /** While overdue, every so many working days (at least 1). */
  overdueEvery: number;
}

/** A field without a schedule of its own: three working days before, on the day, every five overdue. */
export const DEFAULT_SCHEDULE: ReminderScheduleValues = { daysBefore: 3, onDueDay: true, overdueEvery: 5 };

/** The bounds the administrator's form and the sweep both keep. */
export const SCHEDULE_LIMITS = { daysBefore: { min: 0, max: 30 }, overdueEvery: { min: 1, max: 60 } } as const;

export type Reminder =
  | { kind: "DUE_SOON"; workingDaysLeft: number }
  | { kind: "DUE_TODAY" }
  /** `escalate`: the supervising level is told too (every overdue reminder after the first). */
  | { kind: "OVERDUE"; workingDaysOverdue: number; escalate: boolean };

/**
 * The reminder a petition due on `dueOn` gets on `today`, or null. Nothing on a day that is not a
 * working day. `lastOverdue` is the last day an overdue reminder was made for it: the next comes
 * `overdueEvery` working days later, so a day the sweep did not run (a stopped server) is caught up
 * on the next working day rather than lost.
 */
export function reminderOn(
  today: CalendarDate,
  dueOn: CalendarDate,
  schedule: ReminderScheduleValues,
  calendar: HolidayCalendar,
  lastOverdue: CalendarDate | null = null,
): Reminder | null {
  if (!isWorkingDay(today, calendar)) return null;
  const order = compareDates(today, dueOn);
  if (order < 0) {
    const left = workingDaysBetween(today, dueOn, calendar);
    return schedule.daysBefore > 0 && left === schedule.daysBefore ? { kind: "DUE_SOON", workingDaysLeft: left } : null;
  }
  if (order === 0) return schedule.onDueDay ? { kind: "DUE_TODAY" } : null;
  const overdue = workingDaysBetween(dueOn, today, calendar);
  if (lastOverdue === null || compareDates(lastOverdue, dueOn) <= 0) return { kind: "OVERDUE", workingDaysOverdue: overdue, escalate: false };
  if (workingDaysBetween(lastOverdue, today, calendar) < Math.max(1, schedule.overdueEvery)) return null;
  return { kind: "OVERDUE", workingDaysOverdue: overdue, escalate: true };
}
