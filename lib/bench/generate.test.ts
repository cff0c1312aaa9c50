import { describe, expect, it } from "vitest";
import { addWorkingDays, calendarForYears, isWorkingDay, workingDaysBetween } from "../calendar";
import { Random } from "../../prisma/seed/random";
import { DayTable, withDatabase } from "./generate";
describe("DayTable", () => {
  const table = new DayTable("2024-10-01", 31 * 25 + 400);
  // The app's calendar: the published schedules (2024–2026), the estimate after (decision 047).
  const calendar = calendarForYears(2024, 2028);

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

  it("keeps the government's published days: 27/01/2025 off, 03/02/2025 and the Saturday 26/04/2025 worked", () => {
    // A day is worked when the first working day after the day before is that day.
    const working = (day: string) => table.addWorkingDays(table.days.indexOf(day) - 1, 1) === table.days.indexOf(day);
    expect([working("2025-01-27"), working("2025-02-03"), working("2025-04-26"), working("2025-05-02")]).toEqual([false, true, true, false]);
    expect(isWorkingDay("2025-02-03", calendar)).toBe(true);
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

