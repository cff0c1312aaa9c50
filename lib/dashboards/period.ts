/**
 * Dashboard periods are whole months (the rollups hold months): a month, a quarter, a year
 * or any run of months, each compared with the run of the same length just before it.
 */
import { parseIsoDay } from "../forms/fields";
import type { Period } from "./types";

/** The longest period a dashboard reads (ten years), so a typo cannot ask for centuries. */
export const MAX_PERIOD_MONTHS = 120;

/** A period the dashboards cannot answer; `field` names the bound at fault, the message says why. */
export class PeriodError extends Error {
  constructor(
    readonly field: "from" | "to",
    message: string,
  ) {
    super(message);
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: string, name: "from" | "to"): Date {
  const date = ISO_DAY.test(value) ? parseIsoDay(value) : null;
  if (!date) throw new PeriodError(name, `${name}: ngày không hợp lệ, cần dạng YYYY-MM-DD, từ năm 1900 đến 2100.`);
  return date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
const firstOf = (index: number) => new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
const lastOf = (index: number) => new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0));

/** The months `fromIndex`..`toIndex` (year × 12 + month − 1) as a period. */
function periodOfMonths(fromIndex: number, toIndex: number): Period {
  return { from: day(firstOf(fromIndex)), to: day(lastOf(toIndex)), months: toIndex - fromIndex + 1 };
}

/**
 * The period from `from` to `to` ("YYYY-MM-DD"), which must be the first day of a month
 * and the last day of a month, in order, at most MAX_PERIOD_MONTHS long. Throws
 * PeriodError with a message for the user otherwise.
 */
export function parsePeriod(from: string, to: string): Period {
  const start = parseDay(from, "from");
  const end = parseDay(to, "to");
  if (start.getUTCDate() !== 1) throw new PeriodError("from", "from: số liệu tổng hợp theo tháng, ngày bắt đầu phải là ngày đầu tháng (YYYY-MM-01).");
  if (day(lastOf(monthIndex(end))) !== to) throw new PeriodError("to", "to: số liệu tổng hợp theo tháng, ngày kết thúc phải là ngày cuối tháng.");
  if (end < start) throw new PeriodError("to", "to: ngày kết thúc phải sau ngày bắt đầu.");
  const period = periodOfMonths(monthIndex(start), monthIndex(end));
  if (period.months > MAX_PERIOD_MONTHS) throw new PeriodError("to", `to: khoảng thời gian tối đa ${MAX_PERIOD_MONTHS} tháng.`);
  return period;
}

/** The calendar month, quarter or year that contains `date`. */
export function periodContaining(date: Date, kind: "month" | "quarter" | "year"): Period {
  const index = monthIndex(date);
  const span = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
  const from = index - (index % 12 % span);
  return periodOfMonths(from, from + span - 1);
}

/** The period of the same number of months that ends just before `period` starts. */
export function previousPeriod(period: Period): Period {
  const from = monthIndex(parseDay(period.from, "from"));
  return periodOfMonths(from - period.months, from - 1);
}

/** The first day ("YYYY-MM-01") of each month of the period, in order. */
export function monthsOf(period: Period): string[] {
  const from = monthIndex(parseDay(period.from, "from"));
  return Array.from({ length: period.months }, (_, i) => day(firstOf(from + i)));
}

/**
 * The meetings a period counts, as due by `today` (a day at midnight UTC, in Vietnam): a village team's
 * monthly meeting is due by the month's end, a commune's quarterly briefing by the quarter's end. So the
 * months of the period that have ended, and the quarters whose last month is in the period and has ended
 * (by their first days, "YYYY-MM-01"). A month that does not close a quarter counts no briefing; the month
 * in progress counts no meeting, held or expected (issue 14: 9 % on the 6th of the month; decision 038).
 */
export function meetingsDue(period: Period, today: Date): { months: string[]; quarters: string[] } {
  const current = monthIndex(today);
  const from = monthIndex(parseDay(period.from, "from"));
  const ended = Array.from({ length: period.months }, (_, i) => from + i).filter((index) => index < current);
  return {
    months: ended.map((index) => day(firstOf(index))),
    quarters: ended.filter((index) => index % 3 === 2).map((index) => day(firstOf(index - 2))),
  };
}

/** The first day of each quarter the period touches, in order (briefings are expected per quarter). */
export function quartersOf(period: Period): string[] {
  const quarters = monthsOf(period).map((m) => {
    const index = monthIndex(parseDay(m, "from"));
    return day(firstOf(index - (index % 3)));
  });
  return [...new Set(quarters)];
}

/** The last day ("YYYY-MM-DD") of the month starting on `month`. */
export function lastDayOfMonth(month: string): string {
  return day(lastOf(monthIndex(parseDay(month, "from"))));
}
