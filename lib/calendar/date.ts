/**
 * Plain calendar-date helpers.
 *
 * A `CalendarDate` is an ISO "YYYY-MM-DD" string with no time and no zone.
 * All arithmetic is done with UTC-based `Date` values so the timezone of the
 * machine running the code never changes the result.
 */

/** A calendar day as an ISO string "YYYY-MM-DD" (e.g. "2026-02-17"). */
export type CalendarDate = string;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a well-formed, existing "YYYY-MM-DD" date. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string") return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a Gregorian month (month is 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Split a CalendarDate into numeric parts. Throws on malformed input. */
export function parseDate(date: CalendarDate): DateParts {
  if (!isCalendarDate(date)) {
    throw new RangeError(`Invalid CalendarDate: ${JSON.stringify(date)}`);
  }
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Build a CalendarDate from numeric parts. Throws if the date does not exist. */
export function formatDate(year: number, month: number, day: number): CalendarDate {
  const s = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isCalendarDate(s)) {
    throw new RangeError(`Invalid date parts: ${year}-${month}-${day}`);
  }
  return s;
}

function toUtcMs(date: CalendarDate): number {
  const { year, month, day } = parseDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // avoids the 0..99 year quirk of Date.UTC
  return d.getTime();
}

function fromUtcMs(ms: number): CalendarDate {
  const d = new Date(ms);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` days after `date` (negative values go backwards). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Day of week: 0 = Sunday, 1 = Monday, ..., 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** True for Saturday and Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Negative if a < b, 0 if equal, positive if a > b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  // Validated ISO strings of equal length sort lexicographically.
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / MS_PER_DAY);
}
