import type { PrismaClient } from "../generated/prisma/client";
import { audit } from "../audit/log";
import type { Tx } from "../db/client";
import { isoDay } from "../time";
import { addWorkingDays, officialSchedule, scheduleForYear, type CalendarDate, type HolidayCalendar } from "./index";

/**
 * The holiday calendar as the database holds it (`CalendarDay`). A year is filled from its
 * schedule (`scheduleForYear`: the government's published one, else the computed estimate) the
 * first time anything needs it; after that an admin's edits are the truth for that year, so a
 * year that has any row is never filled again. One exception: a year filled from the estimate
 * before its published schedule was shipped (it has COMPUTED rows and a schedule now) takes the
 * published days once, keeping the admin's rows (decision 047).
 */
export async function ensureCalendarYears(tx: Tx, years: Iterable<number>): Promise<void> {
  const wanted = [...new Set(years)].sort();
  if (!wanted.length) return;
  const present = await tx.$queryRaw<{ year: number; estimated: boolean }[]>`
    SELECT extract(year FROM date)::int AS year, bool_or(source = 'COMPUTED') AS estimated FROM "CalendarDay"
    WHERE extract(year FROM date)::int = ANY(${wanted}::int[])
    GROUP BY 1`;
  const estimated = new Map(present.map((r) => [r.year, r.estimated]));
  const rows = wanted.filter((y) => !estimated.has(y)).flatMap(calendarRowsOf);
  if (rows.length) await tx.calendarDay.createMany({ data: rows, skipDuplicates: true });
  for (const year of wanted) {
    if (estimated.get(year) && officialSchedule(year)) await adoptPublishedSchedule(tx, year);
  }
}

/** The `CalendarDay` rows of `year` as its schedule gives them (the table's and the demo seed's). */
export function calendarRowsOf(year: number) {
  const schedule = scheduleForYear(year);
  const source = schedule.status === "OFFICIAL" ? ("OFFICIAL" as const) : ("COMPUTED" as const);
  return schedule.days.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name, source }));
}

/** Serialises changes to one year's rows (the "year has rows" test above, duplicates, restores). */
export async function lockCalendarYear(tx: Tx, year: number): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${20_110_000 + year}::bigint)`;
}

export interface ScheduleApplied {
  year: number;
  status: "OFFICIAL" | "ESTIMATE";
  added: number;
  reset: number;
  removed: number;
  keptManual: number;
  manualOnScheduleDates: number;
}

/**
 * Brings `year`'s rows to its schedule: each scheduled day the table lacks is added; rows the
 * schedule gave (COMPUTED, OFFICIAL) take the schedule's kind, name and source again, and those it
 * no longer gives are removed. MANUAL rows (added or edited by an admin) are kept as they are.
 * The caller holds the year's lock in its transaction.
 */
export async function applySchedule(tx: Tx, year: number): Promise<ScheduleApplied> {
  const schedule = scheduleForYear(year);
  const wanted = calendarRowsOf(year);
  const rows = await tx.calendarDay.findMany({ where: { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } });
  const byDate = new Map(rows.map((r) => [isoDay(r.date), r]));
  const wantedDates = new Set(wanted.map((w) => isoDay(w.date)));
  let added = 0;
  let reset = 0;
  let manualOnScheduleDates = 0;
  for (const w of wanted) {
    const row = byDate.get(isoDay(w.date));
    if (!row) {
      await tx.calendarDay.create({ data: w });
      added++;
    } else if (row.source === "MANUAL") manualOnScheduleDates++;
    else if (row.kind !== w.kind || row.name !== w.name || row.source !== w.source) {
      await tx.calendarDay.update({ where: { date: row.date }, data: { kind: w.kind, name: w.name, source: w.source } });
      reset++;
    }
  }
  const stale = rows.filter((r) => r.source !== "MANUAL" && !wantedDates.has(isoDay(r.date)));
  if (stale.length) await tx.calendarDay.deleteMany({ where: { date: { in: stale.map((r) => r.date) }, source: { not: "MANUAL" } } });
  const keptManual = rows.filter((r) => r.source === "MANUAL").length;
  return { year, status: schedule.status, added, reset, removed: stale.length, keptManual, manualOnScheduleDates };
}

/** Runs `fn` in a transaction: the caller's, or a new one when given the client itself. */
async function inTransaction<T>(tx: Tx, fn: (t: Tx) => Promise<T>): Promise<T> {
  const client = tx as Partial<Pick<PrismaClient, "$transaction">>;
  return typeof client.$transaction === "function" ? client.$transaction((t) => fn(t)) : fn(tx);
}

/** A year estimated before its published schedule shipped takes the published days, once, audited. */
async function adoptPublishedSchedule(tx: Tx, year: number): Promise<void> {
  await inTransaction(tx, async (t) => {
    await lockCalendarYear(t, year);
    // Another transaction may have adopted it while this one waited for the lock.
    if (!(await t.calendarDay.findFirst({ where: { source: "COMPUTED", date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } }))) return;
    const applied = await applySchedule(t, year);
    const { added, reset, removed, keptManual, manualOnScheduleDates } = applied;
    await audit(t, {
      actorId: null,
      action: "calendar.year.official",
      entity: "CalendarDay",
      entityId: String(year),
      data: { added, reset, removed, keptManual, manualOnScheduleDates },
    });
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
