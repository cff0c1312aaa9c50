import { describe, expect, it } from "vitest";
import { lastDayOfMonth, meetingsDue, monthsOf, parsePeriod, PeriodError, periodContaining, previousPeriod, quartersOf } from "./period";

describe("dashboard periods", () => {
  it("takes whole months and counts them", () => {
    expect(parsePeriod("2026-01-01", "2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31", months: 3 });
    expect(parsePeriod("2024-02-01", "2024-02-29").months).toBe(1);
    expect(parsePeriod("2025-11-01", "2026-02-28").months).toBe(4);
  });

  it("refuses bounds that are not month-aligned, reversed, impossible or too long", () => {
    expect(() => parsePeriod("2026-01-02", "2026-01-31")).toThrow(PeriodError);
    expect(() => parsePeriod("2026-01-01", "2026-01-30")).toThrow(/cuối tháng/);
    expect(() => parsePeriod("2025-02-01", "2025-02-29")).toThrow(/không hợp lệ/);
    expect(() => parsePeriod("2026-03-01", "2026-01-31")).toThrow(/sau ngày bắt đầu/);
    expect(() => parsePeriod("2000-01-01", "2026-12-31")).toThrow(/tối đa/);
  });

  it("compares with the run of months of the same length just before", () => {
    expect(previousPeriod(parsePeriod("2026-01-01", "2026-03-31"))).toEqual({ from: "2025-10-01", to: "2025-12-31", months: 3 });
    expect(previousPeriod(parsePeriod("2026-03-01", "2026-03-31"))).toEqual({ from: "2026-02-01", to: "2026-02-28", months: 1 });
    expect(previousPeriod(parsePeriod("2025-01-01", "2025-12-31"))).toEqual({ from: "2024-01-01", to: "2024-12-31", months: 12 });
  });

  it("finds the month, quarter and year of a day", () => {
    const d = new Date("2026-11-23T00:00:00Z");
    expect(periodContaining(d, "month")).toEqual({ from: "2026-11-01", to: "2026-11-30", months: 1 });
    expect(periodContaining(d, "quarter")).toEqual({ from: "2026-10-01", to: "2026-12-31", months: 3 });
    expect(periodContaining(d, "year")).toEqual({ from: "2026-01-01", to: "2026-12-31", months: 12 });
  });

  it("lists months and the quarters a period touches", () => {
    const p = parsePeriod("2026-02-01", "2026-04-30");
    expect(monthsOf(p)).toEqual(["2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(quartersOf(p)).toEqual(["2026-01-01", "2026-04-01"]);
    expect(lastDayOfMonth("2024-02-01")).toBe("2024-02-29");
  });

  it("counts meetings only where they were due by today: months that have ended, quarters that closed in the period (issue 14)", () => {
    const today = new Date("2026-12-06T00:00:00Z");
    const due = (from: string, to: string) => meetingsDue(parsePeriod(from, to), today);
    // The year so far: January to November; the quarters that have ended.
    expect(due("2026-01-01", "2026-12-31")).toEqual({
      months: ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"],
      quarters: ["2026-01-01", "2026-04-01", "2026-07-01"],
    });
    // This month: nothing due yet.
    expect(due("2026-12-01", "2026-12-31")).toEqual({ months: [], quarters: [] });
    // A month that closes a quarter shows its quarter; another month none.
    expect(due("2026-09-01", "2026-09-30")).toEqual({ months: ["2026-09-01"], quarters: ["2026-07-01"] });
    expect(due("2026-11-01", "2026-11-30")).toEqual({ months: ["2026-11-01"], quarters: [] });
    // A run of months counts the quarters whose last month it holds, even begun before it.
    expect(due("2026-02-01", "2026-04-30")).toEqual({ months: ["2026-02-01", "2026-03-01", "2026-04-01"], quarters: ["2026-01-01"] });
    expect(due("2025-10-01", "2025-12-31")).toEqual({ months: ["2025-10-01", "2025-11-01", "2025-12-01"], quarters: ["2025-10-01"] });
    // The last day of a month: the month is not over yet.
    expect(meetingsDue(parsePeriod("2026-11-01", "2026-11-30"), new Date("2026-11-30T00:00:00Z"))).toEqual({ months: [], quarters: [] });
  });
});
