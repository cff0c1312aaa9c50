/**
 * Vietnamese public holidays (ngày nghỉ lễ, tết) per the Labour Code 2019
 * (Bộ luật Lao động số 45/2019/QH14), article 112, as a computed estimate.
 *
 * The government announces the exact schedule every year (which five days are
 * Tết, which day sits beside 2/9, which weekdays are swapped for Saturdays), so
 * this computation is only the fallback for a year without a published
 * schedule: callers go through `scheduleForYear` (schedule.ts), which uses
 * official-schedules.ts first (decision 047).
 */
import { addDays, compareDates, formatDate, isWeekend, type CalendarDate } from "./date";
import { lunarToSolar } from "./lunar";

export interface Holiday {
  date: CalendarDate;
  name: string;
  kind: "HOLIDAY";
}

export const HOLIDAY_NAMES = {
  newYear: "Tết Dương lịch",
  tet: "Tết Nguyên đán",
  hungKings: "Giỗ Tổ Hùng Vương",
  reunification: "Ngày Chiến thắng",
  labour: "Quốc tế Lao động",
  national: "Quốc khánh",
  /** From 2026 (Ngày Văn hóa Việt Nam, 24/11); in the published 2026 schedule, not yet in the computation. */
  culture: "Ngày Văn hóa Việt Nam",
} as const;

/** Prefix of compensatory days off ("Nghỉ bù Quốc khánh", ...). */
export const COMPENSATORY_PREFIX = "Nghỉ bù";

/** The statutory holidays of the Tết Nguyên đán that starts lunar year `lunarYear`. */
function tetDays(lunarYear: number): CalendarDate[] {
  const firstDay = lunarToSolar(1, 1, lunarYear);
  // Last day of the previous lunar year (30 or 29 tháng Chạp) + mùng 1..4.
  return [-1, 0, 1, 2, 3].map((offset) => addDays(firstDay, offset));
}

/**
 * Public holidays of solar year `year` (art. 112 of the Labour Code 2019):
 *
 * - Tết Dương lịch: 1/1.
 * - Tết Nguyên đán: 5 days — the last day of the lunar year and lunar 1/1–1/4.
 *   The law grants 5 days and lets the Prime Minister fix the exact span; this
 *   is the computed default. Only days inside `year` are returned.
 * - Giỗ Tổ Hùng Vương: lunar 10/3.
 * - Ngày Chiến thắng 30/4 and Quốc tế Lao động 1/5.
 * - Quốc khánh: 2/9 plus one adjacent day (1/9 or 3/9, chosen each year by the
 *   government). We default to 1/9, as decided for 2025 and 2026.
 *
 * When a holiday falls on a Saturday or Sunday (weekly rest days), art. 111(3)
 * grants a compensatory day off on the next working day; these are returned as
 * "Nghỉ bù <holiday>" entries. Compensation is placed on the first weekday that
 * is neither a holiday nor already used as compensation, in date order.
 *
 * If two holidays share a date (e.g. Giỗ Tổ on 30/4) only one entry is kept,
 * with both names joined by " / ".
 *
 * The result is sorted by date without duplicate dates.
 */
export function computeHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new RangeError(`computeHolidays: unsupported year ${year}`);
  }
  const named: [CalendarDate, string][] = [
    [formatDate(year, 1, 1), HOLIDAY_NAMES.newYear],
    // Tết of lunar year `year` always falls in late Jan / Feb of solar `year`;
    // checking the neighbours too keeps the filter honest.
    ...[year - 1, year, year + 1].flatMap((ly) => tetDays(ly).map((d): [CalendarDate, string] => [d, HOLIDAY_NAMES.tet])),
    [lunarToSolar(10, 3, year), HOLIDAY_NAMES.hungKings],
    [formatDate(year, 4, 30), HOLIDAY_NAMES.reunification],
    [formatDate(year, 5, 1), HOLIDAY_NAMES.labour],
    [formatDate(year, 9, 1), HOLIDAY_NAMES.national],
    [formatDate(year, 9, 2), HOLIDAY_NAMES.national],
  ];

  const byDate = new Map<CalendarDate, string>();
  for (const [date, name] of named) {
    if (!date.startsWith(`${String(year).padStart(4, "0")}-`)) continue;
    const existing = byDate.get(date);
    if (existing === undefined) byDate.set(date, name);
    else if (!existing.split(" / ").includes(name)) byDate.set(date, `${existing} / ${name}`);
  }

  const statutory = [...byDate.keys()].sort(compareDates);
  const taken = new Set<CalendarDate>(statutory);
  let cursor: CalendarDate | undefined; // last compensatory day assigned
  for (const date of statutory) {
    if (!isWeekend(date)) continue;
    let candidate = addDays(date, 1);
    if (cursor !== undefined && compareDates(candidate, cursor) <= 0) candidate = addDays(cursor, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    cursor = candidate;
    byDate.set(candidate, `${COMPENSATORY_PREFIX} ${byDate.get(date)}`);
  }

  return [...byDate.entries()]
    .sort(([a], [b]) => compareDates(a, b))
    .map(([date, name]) => ({ date, name: name.normalize("NFC"), kind: "HOLIDAY" as const }));
}
