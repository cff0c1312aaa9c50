import { describe, it, expect } from "vitest";
import { addDays, dayOfWeek } from "./date";
import { computeHolidays } from "./holidays";
import {
  addWorkingDays,
  calendarForYears,
  calendarFromHolidays,
  isWorkingDay,
  workingDayOnOrBefore,
  workingDaysBetween,
  type HolidayCalendar,
} from "./working-days";

const calendar = calendarFromHolidays([2025, 2026, 2027, 2028].flatMap(computeHolidays));

describe("isWorkingDay", () => {
  it("weekdays work, weekends and holidays do not, extra Saturdays do", () => {
    expect(isWorkingDay("2026-03-02", calendar)).toBe(true); // Monday
    expect(isWorkingDay("2026-03-07", calendar)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-08", calendar)).toBe(false); // Sunday
    expect(isWorkingDay("2026-02-17", calendar)).toBe(false); // Tết
    expect(isWorkingDay("2026-04-27", calendar)).toBe(false); // Nghỉ bù Giỗ Tổ
    const withExtra: HolidayCalendar = { ...calendar, extraWorkingDays: new Set(["2026-03-07"]) };
    expect(isWorkingDay("2026-03-07", withExtra)).toBe(true);
  });
});

describe("addWorkingDays", () => {
  it("across Tết 2026", () => {
    // Received Friday 2026-02-13, 15 working days.
    // Off: 14–15 (weekend), 16–20 (Tết, Mon–Fri, none on a weekend so no Nghỉ bù), 21–22 (weekend).
    // Counting: Feb 23,24,25,26,27 (1–5), Mar 2,3,4,5,6 (6–10), Mar 9,10,11,12,13 (11–15).
    expect(dayOfWeek("2026-02-13")).toBe(5);
    expect(addWorkingDays("2026-02-13", 15, calendar)).toBe("2026-03-13");
    expect(workingDaysBetween("2026-02-13", "2026-03-13", calendar)).toBe(15);
    // One working day after the Friday before Tết is the Monday after Tết.
    expect(addWorkingDays("2026-02-13", 1, calendar)).toBe("2026-02-23");
  });

  it("across Tết 2027", () => {
    // Received Thursday 2027-02-04, 5 working days.
    // Off: 05 (eve, Fri), 06–07 (mùng 1–2, Sat–Sun), 08–09 (mùng 3–4),
    // 10–11 (Nghỉ bù for the Sat/Sun), 13–14 (weekend).
    // Counting: Feb 12 (1), 15 (2), 16 (3), 17 (4), 18 (5).
    expect(addWorkingDays("2027-02-04", 5, calendar)).toBe("2027-02-18");
  });

  it("across 30/4 – 1/5 2026", () => {
    // Received Wednesday 2026-04-29, 3 working days.
    // Off: 30/4 (Thu), 1/5 (Fri), 2–3/5 (weekend). Counting: May 4 (1), 5 (2), 6 (3).
    expect(addWorkingDays("2026-04-29", 3, calendar)).toBe("2026-05-06");
    // Received Friday 2026-04-24, 5 working days.
    // Off: 25–26 (weekend, 26 = Giỗ Tổ), 27 (Nghỉ bù Giỗ Tổ), 30/4, 1/5, 2–3/5.
    // Counting: Apr 28 (1), 29 (2), May 4 (3), 5 (4), 6 (5).
    expect(addWorkingDays("2026-04-24", 5, calendar)).toBe("2026-05-06");
  });

  it("a plain week without holidays", () => {
    expect(addWorkingDays("2026-03-02", 5, calendar)).toBe("2026-03-09"); // Mon → next Mon
    expect(addWorkingDays("2026-03-02", 4, calendar)).toBe("2026-03-06"); // Mon → Fri
    expect(addWorkingDays("2026-03-06", 1, calendar)).toBe("2026-03-09"); // Fri → Mon
    // The receiving day never counts, even when it is a weekend day.
    expect(addWorkingDays("2026-03-07", 1, calendar)).toBe("2026-03-09"); // Sat → Mon
    expect(addWorkingDays("2026-03-08", 1, calendar)).toBe("2026-03-09"); // Sun → Mon
    expect(addWorkingDays("2026-03-04", 0, calendar)).toBe("2026-03-04");
  });

  it("with an extraWorkingDays Saturday", () => {
    const withExtra = calendarFromHolidays(computeHolidays(2026), ["2026-03-07"]);
    expect(addWorkingDays("2026-03-06", 1, withExtra)).toBe("2026-03-07"); // Fri → make-up Sat
    expect(addWorkingDays("2026-03-06", 2, withExtra)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-02", 5, withExtra)).toBe("2026-03-07");
    expect(workingDaysBetween("2026-03-02", "2026-03-09", withExtra)).toBe(6);
  });

  it("rejects invalid n", () => {
    expect(() => addWorkingDays("2026-03-02", -1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-03-02", 1.5, calendar)).toThrow(RangeError);
  });
});

describe("workingDayOnOrBefore", () => {
  it("is the day itself on a working day, else the last one before it", () => {
    expect(workingDayOnOrBefore("2026-03-02", calendar)).toBe("2026-03-02"); // Monday
    expect(workingDayOnOrBefore("2026-03-08", calendar)).toBe("2026-03-06"); // Sunday → Friday
    expect(workingDayOnOrBefore("2026-02-22", calendar)).toBe("2026-02-13"); // the Sunday after Tết 2026 → the Friday before it
  });
});

describe("workingDaysBetween", () => {
  it("counts (from, to] and is 0 for empty ranges", () => {
    expect(workingDaysBetween("2026-03-02", "2026-03-02", calendar)).toBe(0);
    expect(workingDaysBetween("2026-03-09", "2026-03-02", calendar)).toBe(0);
    expect(workingDaysBetween("2026-03-02", "2026-03-03", calendar)).toBe(1);
    expect(workingDaysBetween("2026-03-06", "2026-03-08", calendar)).toBe(0); // Fri → Sun
    expect(workingDaysBetween("2026-02-13", "2026-02-22", calendar)).toBe(0); // Tết 2026
  });
});

describe("properties", () => {
  // Deterministic PRNG (mulberry32) so failures are reproducible.
  function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("workingDaysBetween counts what a walk of the days counts, holidays on weekends and make-up weekdays included", () => {
    // Make-up days on a Saturday, on a Sunday, and on a weekday that is also a holiday (the make-up day wins).
    const cal = calendarForYears(2019, 2032, ["2026-03-07", "2025-04-26", "2024-02-18", "2026-02-17"]);
    const walk = (from: string, to: string) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
      return n;
    };
    const rand = mulberry32(20261207);
    for (let i = 0; i < 400; i++) {
      const from = addDays("2019-01-01", Math.floor(rand() * 365 * 13));
      const to = addDays(from, Math.floor(rand() * 900) - 20);
      expect(workingDaysBetween(from, to, cal), `${from} → ${to}`).toBe(walk(from, to));
    }
  });

  it("addWorkingDays lands on a working day and inverts workingDaysBetween", () => {
    const cal = calendarForYears(2019, 2032, ["2026-03-07", "2025-04-26"]);
    const rand = mulberry32(20260213);
    for (let i = 0; i < 500; i++) {
      const start = addDays("2020-01-01", Math.floor(rand() * 365 * 11));
      const n = 1 + Math.floor(rand() * 60);
      const result = addWorkingDays(start, n, cal);
      expect(isWorkingDay(result, cal)).toBe(true);
      expect(workingDaysBetween(start, result, cal)).toBe(n);
      // Nothing earlier would do: the day before has only n - 1 working days.
      expect(workingDaysBetween(start, addDays(result, -1), cal)).toBe(n - 1);
    }
  });
});
