import { describe, expect, it } from "vitest";
import { deadlineFor, ensureCalendarYears, loadHolidayCalendar } from "@/lib/calendar/table";
import { db } from "@/lib/db/client";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe("holiday calendar table", () => {
  it("fills a year from the computed holidays the first time it is needed, once", async () => {
    await ensureCalendarYears(db, [2026]);
    const first = await db.calendarDay.count({ where: { date: { gte: d("2026-01-01"), lt: d("2027-01-01") } } });
    expect(first).toBeGreaterThan(8);
    expect(await db.calendarDay.findUnique({ where: { date: d("2026-02-17") } })).toMatchObject({ kind: "HOLIDAY", source: "COMPUTED" });
    await ensureCalendarYears(db, [2026]);
    expect(await db.calendarDay.count({ where: { date: { gte: d("2026-01-01"), lt: d("2027-01-01") } } })).toBe(first);
  });

  it("counts deadlines across Tết 2026 and Tết 2027 from the table", async () => {
    // Friday 13/02/2026, 1 working day: Tết runs 16–20/02, so Monday 23/02.
    expect(day(await deadlineFor(db, d("2026-02-13"), 1))).toBe("2026-02-23");
    // Thursday 04/02/2027, 5 working days, across Tết 2027 (lunar New Year on 06/02/2027).
    expect(day(await deadlineFor(db, d("2027-02-04"), 5))).toBe("2027-02-18");
  });

  it("follows an admin's edits: a decreed day off and a make-up Saturday", async () => {
    // Monday 05/01/2026 + 5 working days is Monday 12/01/2026.
    expect(day(await deadlineFor(db, d("2026-01-05"), 5))).toBe("2026-01-12");
    await db.calendarDay.create({ data: { date: d("2026-01-07"), kind: "HOLIDAY", name: "Nghỉ theo quyết định", source: "MANUAL" } });
    expect(day(await deadlineFor(db, d("2026-01-05"), 5))).toBe("2026-01-13");
    await db.calendarDay.create({ data: { date: d("2026-01-10"), kind: "WORKING_DAY", name: "Làm bù", source: "MANUAL" } });
    expect(day(await deadlineFor(db, d("2026-01-05"), 5))).toBe("2026-01-12");
    const calendar = await loadHolidayCalendar(db, 2026, 2026);
    expect(calendar.extraWorkingDays?.has("2026-01-10")).toBe(true);
  });
});
