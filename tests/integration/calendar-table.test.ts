import { describe, expect, it } from "vitest";
import { deadlineFor, ensureCalendarYears, loadHolidayCalendar } from "@/lib/calendar/table";
import { db } from "@/lib/db/client";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe("holiday calendar table", () => {
  it("fills a year without a published schedule from the computed holidays the first time it is needed, once", async () => {
    await ensureCalendarYears(db, [2028]);
    const first = await db.calendarDay.count({ where: { date: { gte: d("2028-01-01"), lt: d("2029-01-01") } } });
    expect(first).toBeGreaterThan(8);
    expect(await db.calendarDay.findUnique({ where: { date: d("2028-01-26") } })).toMatchObject({ kind: "HOLIDAY", source: "COMPUTED" });
    await ensureCalendarYears(db, [2028]);
    expect(await db.calendarDay.count({ where: { date: { gte: d("2028-01-01"), lt: d("2029-01-01") } } })).toBe(first);
  });

  it("fills a year with a published schedule from it: its swapped weekday off and its Saturday worked", async () => {
    await ensureCalendarYears(db, [2026]);
    expect(await db.calendarDay.findUnique({ where: { date: d("2026-01-02") } })).toMatchObject({ kind: "HOLIDAY", source: "OFFICIAL" });
    expect(await db.calendarDay.findUnique({ where: { date: d("2026-01-10") } })).toMatchObject({ kind: "WORKING_DAY", source: "OFFICIAL" });
    expect(await db.calendarDay.count({ where: { date: { gte: d("2026-01-01"), lt: d("2027-01-01") }, source: { not: "OFFICIAL" } } })).toBe(0);
  });

  it("counts deadlines across Tết 2025, Tết 2026 and Tết 2027 from the table", async () => {
    // Friday 24/01/2025, 1 working day: Tết runs 27–31/01 by the notice, so Monday 03/02.
    expect(day(await deadlineFor(db, d("2025-01-24"), 1))).toBe("2025-02-03");
    // Friday 13/02/2026, 1 working day: Tết runs 16–20/02, so Monday 23/02.
    expect(day(await deadlineFor(db, d("2026-02-13"), 1))).toBe("2026-02-23");
    // Thursday 04/02/2027, 5 working days, across Tết 2027 (lunar New Year on 06/02/2027), an estimate.
    expect(day(await deadlineFor(db, d("2027-02-04"), 5))).toBe("2027-02-18");
  });

  it("counts a worked Saturday of the published schedule as a working day", async () => {
    // Friday 09/01/2026 + 1 working day is Saturday 10/01/2026, worked in lieu of Friday 02/01.
    expect(day(await deadlineFor(db, d("2026-01-09"), 1))).toBe("2026-01-10");
    // Friday 25/04/2025 + 1 is Saturday 26/04/2025, worked in lieu of Friday 02/05.
    expect(day(await deadlineFor(db, d("2025-04-25"), 1))).toBe("2025-04-26");
  });

  it("follows an admin's edits: a decreed day off and a make-up Saturday", async () => {
    // Monday 06/03/2028 + 5 working days is Monday 13/03/2028.
    expect(day(await deadlineFor(db, d("2028-03-06"), 5))).toBe("2028-03-13");
    await db.calendarDay.create({ data: { date: d("2028-03-08"), kind: "HOLIDAY", name: "Nghỉ theo quyết định", source: "MANUAL" } });
    expect(day(await deadlineFor(db, d("2028-03-06"), 5))).toBe("2028-03-14");
    await db.calendarDay.create({ data: { date: d("2028-03-11"), kind: "WORKING_DAY", name: "Làm bù", source: "MANUAL" } });
    expect(day(await deadlineFor(db, d("2028-03-06"), 5))).toBe("2028-03-13");
    const calendar = await loadHolidayCalendar(db, 2028, 2028);
    expect(calendar.extraWorkingDays?.has("2028-03-11")).toBe(true);
  });
});
