import { describe, expect, it } from "vitest";
import { dayOfWeek, isWeekend } from "./date";
import { computeHolidays } from "./holidays";
import { lunarToSolar } from "./lunar";
import { OFFICIAL_SCHEDULES, OFFICIAL_YEARS } from "./official-schedules";
import { scheduleForYear } from "./schedule";
import { addWorkingDays, calendarForYears, isWorkingDay } from "./working-days";

/** Working (true) or not (false), day by day, by the calendar callers use. */
function expectDays(year: number, expected: Record<string, boolean>) {
  const calendar = calendarForYears(year, year);
  const found = Object.fromEntries(Object.keys(expected).map((d) => [d, isWorkingDay(d, calendar)]));
  expect(found).toEqual(expected);
}

describe("published schedules are what the calendar counts", () => {
  it("2025: Tết is 27/1–31/1, 3/2 is a working day, and 2/5 is swapped for Saturday 26/4", () => {
    expectDays(2025, {
      "2025-01-24": true,
      "2025-01-27": false,
      "2025-01-28": false,
      "2025-01-29": false,
      "2025-01-30": false,
      "2025-01-31": false,
      "2025-02-03": true,
      "2025-04-26": true, // a Saturday worked
      "2025-05-02": false, // the Friday given for it
      "2025-09-01": false,
      "2025-09-02": false,
      "2025-09-03": true,
    });
    expect(dayOfWeek("2025-04-26")).toBe(6);
    // Friday 24/1/2025 + 1 working day: by the notice Tết is Monday 27/1 to Friday 31/1, so Monday 3/2 (the
    // computed estimate, Tết 28/1–1/2 with 3/2 in lieu of the Saturday, gave Monday 27/1).
    expect(addWorkingDays("2025-01-24", 1, calendarForYears(2025, 2025))).toBe("2025-02-03");
    // Friday 25/4 + 1 is the worked Saturday.
    expect(addWorkingDays("2025-04-25", 1, calendarForYears(2025, 2025))).toBe("2025-04-26");
  });

  it("2021: Tết 10/2–16/2, Quốc khánh 2/9 and 3/9", () => {
    expectDays(2021, { "2021-02-10": false, "2021-02-16": false, "2021-02-17": true, "2021-09-01": true, "2021-09-03": false });
  });

  it("2023: Tết 20/1–26/1, 27/1 a working day", () => {
    expectDays(2023, { "2023-01-19": true, "2023-01-20": false, "2023-01-26": false, "2023-01-27": true, "2023-09-04": false });
  });

  it("2024: Tết 8/2–14/2, 15/2 a working day; 29/4 off and Saturday 4/5 worked; 2/9 and 3/9", () => {
    expectDays(2024, {
      "2024-02-08": false,
      "2024-02-14": false,
      "2024-02-15": true,
      "2024-04-29": false,
      "2024-05-04": true,
      "2024-09-02": false,
      "2024-09-03": false,
    });
  });

  it("2026: 2/1 swapped for Saturday 10/1, 31/8 for Saturday 22/8, Tết 16/2–20/2", () => {
    expectDays(2026, {
      "2026-01-02": false,
      "2026-01-10": true,
      "2026-02-16": false,
      "2026-02-20": false,
      "2026-02-23": true,
      "2026-08-22": true,
      "2026-08-31": false,
      "2026-09-01": false,
      "2026-09-02": false,
    });
  });

  it("2020, under the Labour Code 2012: Quốc khánh is one day, 1/9 is worked", () => {
    expectDays(2020, { "2020-01-23": false, "2020-01-29": false, "2020-01-30": true, "2020-09-01": true, "2020-09-02": false });
  });

  it("a year without a published schedule is the computed estimate", () => {
    const schedule = scheduleForYear(2027);
    expect(schedule.status).toBe("ESTIMATE");
    expect(schedule.days).toEqual(computeHolidays(2027).map((h) => ({ date: h.date, kind: "HOLIDAY", name: h.name })));
    expect(scheduleForYear(2019).status).toBe("ESTIMATE");
  });
});

describe("the published schedules as data", () => {
  it("cover 2020 to 2026, each year with a cited document", () => {
    expect(OFFICIAL_YEARS).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of OFFICIAL_YEARS) {
      const schedule = scheduleForYear(year);
      expect(schedule.status).toBe("OFFICIAL");
      if (schedule.status !== "OFFICIAL") continue;
      expect(schedule.sources.length).toBeGreaterThan(0);
      for (const s of schedule.sources) expect(s.document).toMatch(/^(Thông báo|Công văn|Nghị quyết) số \d+[\w-]*\/[A-ZĐ-]+ /);
    }
  });

  it.each(OFFICIAL_SCHEDULES.map((s) => s.year))("%i: well-formed and balanced as the Labour Code requires", (year) => {
    const { days } = scheduleForYear(year);
    const dates = days.map((d) => d.date);
    expect(new Set(dates).size, "one entry per date").toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of days) {
      expect(d.date.startsWith(`${year}-`)).toBe(true);
      expect(d.name).toBe(d.name.normalize("NFC"));
      // A worked day is a weekend day; a compensatory or swapped day off is a weekday.
      if (d.kind === "WORKING_DAY") expect(isWeekend(d.date), d.date).toBe(true);
      if (d.name.startsWith("Nghỉ bù") || d.name.startsWith("Nghỉ hoán đổi")) expect(isWeekend(d.date), d.date).toBe(false);
    }
    // Tết: five days around lunar New Year's day.
    const newYearsDay = lunarToSolar(1, 1, year);
    const tet = days.filter((d) => d.name === "Tết Nguyên đán").map((d) => d.date);
    expect(tet).toHaveLength(5);
    expect(tet).toContain(newYearsDay);
    // Every statutory day on a weekend is made up on a weekday, and every weekday swapped off is worked on a
    // weekend: the weekdays off less the weekend days worked are the year's statutory days (10 under the Labour
    // Code 2012, 11 under the 2019 Code from 2021, 12 with Ngày Văn hóa Việt Nam in 2026).
    const weekdaysOff = days.filter((d) => d.kind === "HOLIDAY" && !isWeekend(d.date)).length;
    const weekendsWorked = days.filter((d) => d.kind === "WORKING_DAY").length;
    const statutory = year === 2020 ? 10 : year >= 2026 ? 12 : 11;
    expect(weekdaysOff - weekendsWorked).toBe(statutory);
    expect(days.filter((d) => d.kind === "HOLIDAY" && !d.name.startsWith("Nghỉ")).length).toBe(statutory);
  });
});
