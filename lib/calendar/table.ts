import type { Tx } from "../db/client";
import { isoDay } from "../time";
import { addWorkingDays, computeHolidays, type CalendarDate, type HolidayCalendar } from "./index";

/**
 * The holiday calendar as the database holds it (`CalendarDay`). A year is filled from the
 * computed holidays the first time anything needs it; after that an admin's edits are the
 * truth for that year (the government fixes the exact days each year), so a year that has
 * any row is never filled again.
 */
export async function ensureCalendarYears(tx: Tx, years: Iterable<number>): Promise<void> {
  const wanted = [...new Set(years)].sort();
  if (!wanted.length) return;
  const present = await tx.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT extract(year FROM date)::int AS year FROM "CalendarDay"
    WHERE extract(year FROM date)::int = ANY(${wanted}::int[])`;
  const have = new Set(present.map((r) => r.year));
  const rows = wanted.filter((y) => !have.has(y)).flatMap((y) => computeHolidays(y));
  if (!rows.length) return;
  await tx.calendarDay.createMany({
    data: rows.map((h) => ({ date: new Date(`${h.date}T00:00:00Z`), kind: "HOLIDAY" as const, name: h.name, source: "COMPUTED" as const })),
    skipDuplicates: true,
  });
}

/** The calendar for the years `fromYear`..`toYear`, filled first where needed. */
export async function loadHolidayCalendar(tx: Tx, fromYear: number, toYear: number): Promise<HolidayCalendar> {
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  await ensureCalendarYears(tx, years);
  const days = await tx.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(fromYear, 0, 1)), lt: new Date(Date.UTC(toYear + 1, 0, 1)) } },
    select: { date: true, kind: true },
  });
  const holidays = new Set<CalendarDate>();
  const extraWorkingDays = new Set<CalendarDate>();
  for (const d of days) (d.kind === "HOLIDAY" ? holidays : extraWorkingDays).add(isoDay(d.date));
  return { holidays, extraWorkingDays };
}

/** A deadline this long still ends before the end of the next calendar year. */
export const MAX_DEADLINE_DAYS = 200;

/**
 * The deadline of a petition received on `receivedOn` with `workingDays` to handle it:
 * the n-th working day after the day of receipt, by the calendar in the database.
 */
export async function deadlineFor(tx: Tx, receivedOn: Date, workingDays: number): Promise<Date> {
  if (workingDays > MAX_DEADLINE_DAYS) throw new RangeError(`deadlineFor: at most ${MAX_DEADLINE_DAYS} working days`);
  const year = receivedOn.getUTCFullYear();
  const calendar = await loadHolidayCalendar(tx, year, year + 1);
  return new Date(`${addWorkingDays(isoDay(receivedOn), workingDays, calendar)}T00:00:00Z`);
}
