import { describe, it, expect } from "vitest";
import { addDays, dayOfWeek } from "./date";
import { jdFromDate, jdToDate, lunarToSolar, solarToLunar } from "./lunar";

describe("lunar calendar", () => {
  it.each([
    [2020, "2020-01-25"],
    [2021, "2021-02-12"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
    [2028, "2028-01-26"],
  ])("Tết Nguyên đán %i is %s", (year, expected) => {
    expect(lunarToSolar(1, 1, year)).toBe(expected);
    expect(solarToLunar(expected)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it("Giỗ Tổ Hùng Vương 2026 (10/3 âm lịch) is Sunday 2026-04-26", () => {
    expect(lunarToSolar(10, 3, 2026)).toBe("2026-04-26");
    expect(dayOfWeek("2026-04-26")).toBe(0);
  });

  it("the day before Tết belongs to the previous lunar year", () => {
    expect(solarToLunar("2026-02-16")).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar("2025-01-28")).toEqual({ day: 29, month: 12, year: 2024, leap: false });
  });

  it("handles leap months", () => {
    // 2023 had a leap 2nd month, 2025 a leap 6th month.
    expect(lunarToSolar(1, 2, 2023, true)).toBe("2023-03-22");
    expect(solarToLunar("2023-03-22")).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toBe("2025-07-25");
    expect(lunarToSolar(1, 7, 2025)).toBe("2025-08-23");
    expect(() => lunarToSolar(1, 3, 2026, true)).toThrow(RangeError);
  });

  it("rejects lunar days that do not exist", () => {
    // Lunar 12/2025 has 29 days (Tết 2026 is on 2026-02-17, the 30th would be it).
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(0, 1, 2026)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2026)).toThrow(RangeError);
  });

  it("jdFromDate / jdToDate round-trip", () => {
    expect(jdFromDate(1, 1, 2000)).toBe(2451545);
    for (let jd = 2451545; jd < 2451545 + 20000; jd += 7) {
      const [d, m, y] = jdToDate(jd);
      expect(jdFromDate(d, m, y)).toBe(jd);
    }
  });

  it("solar → lunar → solar round-trips for every day of 2020–2030", () => {
    let lunarDaysSeen = 0;
    let prev = solarToLunar("2019-12-31");
    for (let date = "2020-01-01"; date <= "2030-12-31"; date = addDays(date, 1)) {
      const lunar = solarToLunar(date);
      expect(lunar.day).toBeGreaterThanOrEqual(1);
      expect(lunar.day).toBeLessThanOrEqual(30);
      // Consecutive solar days are consecutive lunar days or a new month starts.
      if (lunar.day !== 1) expect(lunar.day).toBe(prev.day + 1);
      else expect(prev.day === 29 || prev.day === 30).toBe(true);
      expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap)).toBe(date);
      prev = lunar;
      lunarDaysSeen++;
    }
    expect(lunarDaysSeen).toBe(4018);
  });

  it("lunar → solar → lunar round-trips across 2020–2030", () => {
    for (let year = 2020; year <= 2030; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 10, 15, 29]) {
          const solar = lunarToSolar(day, month, year);
          expect(solarToLunar(solar)).toEqual({ day, month, year, leap: false });
        }
      }
    }
  });
});
