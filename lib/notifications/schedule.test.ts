import { describe, expect, it } from "vitest";
import { addDays, calendarForYears, type CalendarDate } from "../calendar";
import { reminderOn, type ReminderScheduleValues } from "./schedule";

// The published 2025 schedule: Tết off from Monday 27/1 to Saturday 1/2 (weekdays 27–31/1).
const calendar = calendarForYears(2024, 2026);
const schedule: ReminderScheduleValues = { daysBefore: 2, onDueDay: true, overdueEvery: 3 };

/** Runs the schedule day by day as the daily sweep does, remembering the last overdue day. */
function run(from: CalendarDate, to: CalendarDate, dueOn: CalendarDate, s = schedule) {
  const out: string[] = [];
  let last: CalendarDate | null = null;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const r = reminderOn(d, dueOn, s, calendar, last);
    if (!r) continue;
    if (r.kind === "OVERDUE") last = d;
    out.push(`${d} ${r.kind}${r.kind === "OVERDUE" ? `${r.escalate ? "+up" : ""} ${r.workingDaysOverdue}` : ""}`);
  }
  return out;
}

describe("reminders in working days", () => {
  it("skip Tết 2025: before on 22/1, on the day 24/1, overdue from 3/2 every three working days, up the tree from the second", () => {
    expect(run("2025-01-15", "2025-02-14", "2025-01-24")).toEqual([
      "2025-01-22 DUE_SOON",
      "2025-01-24 DUE_TODAY",
      "2025-02-03 OVERDUE 1",
      "2025-02-06 OVERDUE+up 4",
      "2025-02-11 OVERDUE+up 7",
      "2025-02-14 OVERDUE+up 10",
    ]);
  });

  it("count the days before across the holiday: due on 4/2/2025, two working days before is 24/1", () => {
    expect(run("2025-01-20", "2025-02-04", "2025-02-04")).toEqual(["2025-01-24 DUE_SOON", "2025-02-04 DUE_TODAY"]);
  });

  it("send nothing on a weekend or a holiday, whatever the deadline", () => {
    for (const day of ["2025-01-27", "2025-01-31", "2025-02-01", "2025-02-02", "2025-09-01", "2025-09-02"]) {
      expect(reminderOn(day, "2025-01-10", schedule, calendar, null), day).toBeNull();
    }
  });

  it("catch up a missed day: the first overdue reminder comes on the first working day the sweep runs", () => {
    expect(reminderOn("2025-02-10", "2025-01-24", schedule, calendar, null)).toEqual({ kind: "OVERDUE", workingDaysOverdue: 6, escalate: false });
    // An overdue reminder of an earlier deadline (before a new one was set) does not count.
    expect(reminderOn("2025-02-10", "2025-01-24", schedule, calendar, "2025-01-20")).toMatchObject({ escalate: false });
  });

  it("honour a schedule without reminders before or on the day", () => {
    expect(run("2025-01-15", "2025-02-03", "2025-01-24", { daysBefore: 0, onDueDay: false, overdueEvery: 1 })).toEqual(["2025-02-03 OVERDUE 1"]);
  });
});
