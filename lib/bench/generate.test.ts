import { describe, expect, it } from "vitest";
import { addWorkingDays, calendarFromHolidays, computeHolidays, workingDaysBetween } from "../calendar";
import { Random } from "../../prisma/seed/random";
import { DayTable, withDatabase } from "./generate";

describe("DayTable", () => {
  const table = new DayTable("2024-10-01", 31 * 25 + 400);
  const calendar = calendarFromHolidays([2024, 2025, 2026, 2027, 2028].flatMap((y) => computeHolidays(y)));

  it("adds and counts working days as lib/calendar does, Tết included", () => {
    const rng = new Random(7);
    for (let k = 0; k < 2000; k++) {
      const i = rng.int(0, 31 * 25);
      const n = rng.int(0, 45);
      const j = table.addWorkingDays(i, n);
      expect(table.days[j], `${table.days[i]} + ${n}`).toBe(addWorkingDays(table.days[i], n, calendar));
      expect(table.workingDaysBetween(i, j)).toBe(workingDaysBetween(table.days[i], table.days[j], calendar));
    }
  });

  it("stamps times in Vietnam (UTC+7)", () => {
    const i = table.days.indexOf("2026-01-15");
    expect(table.at(i, 8 * 60).toISOString()).toBe("2026-01-15T01:00:00.000Z");
  });
});

describe("withDatabase", () => {
  it("swaps the database of a server URL, keeping the credentials", () => {
    expect(withDatabase("postgres://u:p@127.0.0.1:5432/postgres", "dv_bench")).toBe("postgres://u:p@127.0.0.1:5432/dv_bench");
  });
});
