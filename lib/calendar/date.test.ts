import { describe, it, expect } from "vitest";
import { addDays, compareDates, dayOfWeek, daysBetween, formatDate, isCalendarDate, parseDate } from "./date";

describe("CalendarDate helpers", () => {
  it("parses and formats", () => {
    expect(parseDate("2026-02-17")).toEqual({ year: 2026, month: 2, day: 17 });
    expect(formatDate(2026, 2, 7)).toBe("2026-02-07");
    expect(() => parseDate("2026-02-30")).toThrow(RangeError);
    expect(() => parseDate("2026-2-3")).toThrow(RangeError);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
  });

  it("computes day of week (0 = Sunday)", () => {
    expect(dayOfWeek("2026-01-01")).toBe(4); // Thursday
    expect(dayOfWeek("2026-04-26")).toBe(0); // Sunday
    expect(dayOfWeek("2027-02-06")).toBe(6); // Saturday
  });

  it("compares", () => {
    expect(compareDates("2026-01-01", "2026-01-02")).toBeLessThan(0);
    expect(compareDates("2026-01-02", "2026-01-02")).toBe(0);
    expect(compareDates("2027-01-01", "2026-12-31")).toBeGreaterThan(0);
  });
});
