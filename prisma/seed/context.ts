/** What every seed step needs to know about "now". */
import { addDays, calendarForYears, type CalendarDate, type HolidayCalendar } from "../../lib/calendar";
import { Random } from "./random";
import { monthsUpTo, vietnamDate, type Month } from "./util";

/** Full months of history before the current one. */
export const HISTORY_MONTHS = 24;

export interface SeedContext {
  rng: Random;
  /** Vietnam's calendar day at `today`; nothing is dated on or after it except dues. */
  today: CalendarDate;
  /** The last day that may carry events, so that no timestamp lies in the future. */
  lastDay: CalendarDate;
  /** The seed window, oldest first; the last one is the current, partial month. */
  months: Month[];
  windowStart: CalendarDate;
  /** The month before the current one: the latest month that is complete. */
  lastCompleteMonth: Month;
  /** The years the seed's calendar covers (filled from their schedules: published, else estimated). */
  calendarYears: number[];
  calendar: HolidayCalendar;
  log: (msg: string) => void;
}

export function createContext(now: Date, log: (msg: string) => void): SeedContext {
  const today = vietnamDate(now);
  const months = monthsUpTo(today, HISTORY_MONTHS);
  const firstYear = months[0].year;
  const lastYear = Number(today.slice(0, 4)) + 1;
  const calendarYears = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  return {
    rng: new Random(),
    today,
    lastDay: addDays(today, -1),
    months,
    windowStart: months[0].first,
    lastCompleteMonth: months[months.length - 2],
    calendarYears,
    calendar: calendarForYears(firstYear, lastYear),
    log,
  };
}
