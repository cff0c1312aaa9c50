/**
 * Working-day arithmetic for statutory deadlines (e.g. petition handling).
 *
 * A working day is a Monday–Friday that is not a holiday, or any day listed
 * in `extraWorkingDays` (Saturdays the government declares as make-up days).
 */
import { addDays, compareDates, daysBetween, isWeekend, parseDate, type CalendarDate } from "./date";
import type { Holiday } from "./holidays";
import type { ScheduledDay } from "./official-schedules";
import { scheduleForYear } from "./schedule";

export interface HolidayCalendar {
  /** Days off besides Saturdays and Sundays (holidays and compensatory days). */
  holidays: Set<CalendarDate>;
  /** Weekend days declared as working days; they override `holidays` too. */
  extraWorkingDays?: Set<CalendarDate>;
}

/** Safety net against runaway loops (~100 years of calendar days). */
const MAX_SCAN_DAYS = 36_600;

/** True if `date` is a working day in `calendar`. */
export function isWorkingDay(date: CalendarDate, calendar: HolidayCalendar): boolean {
  parseDate(date); // validate
  if (calendar.extraWorkingDays?.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return !isWeekend(date);
}

/**
 * Deadline for something received on `start` with `n` working days: the n-th
 * working day strictly after `start`. `start` itself never counts, whether or
 * not it is a working day. `n = 0` returns `start` unchanged.
 */
export function addWorkingDays(start: CalendarDate, n: number, calendar: HolidayCalendar): CalendarDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
  }
  let date = start;
  let remaining = n;
  for (let scanned = 0; remaining > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError("addWorkingDays: no working days found");
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) remaining--;
  }
  return date;
}

/** The latest working day on or before `date`. */
export function workingDayOnOrBefore(date: CalendarDate, calendar: HolidayCalendar): CalendarDate {
  let day = date;
  for (let scanned = 0; !isWorkingDay(day, calendar); scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError("workingDayOnOrBefore: no working days found");
    day = addDays(day, -1);
  }
  return day;
}

/**
 * Number of working days in the half-open interval (from, to]; 0 if
 * `to <= from`. Inverse of addWorkingDays: for any n >= 1,
 * `workingDaysBetween(d, addWorkingDays(d, n, c), c) === n`.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate, calendar: HolidayCalendar): number {
  if (compareDates(to, from) <= 0) return 0;
  // Counted, not walked: the weekdays of the range, less its holidays on weekdays, plus its make-up weekend
  // days. Walking a day at a time cost the reminder sweep a minute of CPU at national scale (decision 061).
  const a = daysBetween(EPOCH, from);
  const b = daysBetween(EPOCH, to);
  const { weekdaysOff, weekendsOn } = exceptionsOf(calendar);
  return weekdaysUpTo(b) - weekdaysUpTo(a) - countIn(weekdaysOff, a, b) + countIn(weekendsOn, a, b);
}

const EPOCH = "1970-01-01"; // a Thursday
/** Weekdays among days 1..n after the epoch (negative n: minus those among n+1..0). */
function weekdaysUpTo(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7; // 0..6 days after a Thursday: Fri, Sat, Sun, Mon, Tue, Wed
  return weeks * 5 + [0, 1, 1, 1, 2, 3, 4][rest];
}

/** The calendar's days that differ from Monday–Friday, as sorted day numbers; computed once per calendar. */
const exceptions = new WeakMap<HolidayCalendar, { size: number; weekdaysOff: number[]; weekendsOn: number[] }>();
function exceptionsOf(calendar: HolidayCalendar) {
  const size = calendar.holidays.size + (calendar.extraWorkingDays?.size ?? 0);
  const known = exceptions.get(calendar);
  if (known && known.size === size) return known;
  const extra = calendar.extraWorkingDays ?? new Set<CalendarDate>();
  const sorted = (days: CalendarDate[]) => days.map((d) => daysBetween(EPOCH, d)).sort((x, y) => x - y);
  const computed = {
    size,
    weekdaysOff: sorted([...calendar.holidays].filter((d) => !extra.has(d) && !isWeekend(d))),
    weekendsOn: sorted([...extra].filter((d) => isWeekend(d))),
  };
  exceptions.set(calendar, computed);
  return computed;
}

/** How many of the sorted day numbers lie in (a, b]. */
function countIn(days: number[], a: number, b: number): number {
  return firstAbove(days, b) - firstAbove(days, a);
}
function firstAbove(days: number[], n: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Build a HolidayCalendar from holiday entries (e.g. the concatenated output
 * of computeHolidays for several years) and optional make-up working days.
 */
export function calendarFromHolidays(
  list: Iterable<Pick<Holiday, "date">>,
  extraWorkingDays: Iterable<CalendarDate> = [],
): HolidayCalendar {
  const holidays = new Set<CalendarDate>();
  for (const h of list) {
    parseDate(h.date); // validate
    holidays.add(h.date);
  }
  const extra = new Set<CalendarDate>();
  for (const d of extraWorkingDays) {
    parseDate(d);
    extra.add(d);
  }
  return extra.size > 0 ? { holidays, extraWorkingDays: extra } : { holidays };
}

/**
 * The calendar of solar years fromYear..toYear inclusive as `scheduleForYear` gives it: each
 * year's published schedule (its swapped weekdays off, its Saturdays worked) or, for a year
 * without one, the computed estimate. `extraWorkingDays` adds make-up days of the caller's own.
 */
export function calendarForYears(
  fromYear: number,
  toYear: number,
  extraWorkingDays: Iterable<CalendarDate> = [],
): HolidayCalendar {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear) {
    throw new RangeError(`calendarForYears: invalid range ${fromYear}..${toYear}`);
  }
  const off: ScheduledDay[] = [];
  const worked: CalendarDate[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (const day of scheduleForYear(y).days) {
      if (day.kind === "HOLIDAY") off.push(day);
      else worked.push(day.date);
    }
  }
  return calendarFromHolidays(off, [...worked, ...extraWorkingDays]);
}
