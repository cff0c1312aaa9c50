/** Date, id and batching helpers shared by the seed modules. */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, daysInMonth, formatDate, type CalendarDate } from "../../lib/calendar";

/** Vietnam has no daylight saving: local time is always UTC+7. */
const VN_OFFSET_MINUTES = 7 * 60;

/** The calendar day in Vietnam at instant `now`. */
export function vietnamDate(now: Date): CalendarDate {
  const local = new Date(now.getTime() + VN_OFFSET_MINUTES * 60_000);
  return formatDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** A `@db.Date` value: Prisma stores the UTC midnight of the day. */
export function dbDate(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The instant at `minutes` after midnight, Vietnam time, on `date`. */
export function vnTime(date: CalendarDate, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + (minutes - VN_OFFSET_MINUTES) * 60_000);
}

export interface Month {
  year: number;
  month: number;
  /** Index in the seed window, 0 = oldest. */
  index: number;
  first: CalendarDate;
  last: CalendarDate;
}

export function monthOf(year: number, month: number, index: number): Month {
  return { year, month, index, first: formatDate(year, month, 1), last: formatDate(year, month, daysInMonth(year, month)) };
}

/** The `count` months before the month of `date`, then that month itself, oldest first. */
export function monthsUpTo(date: CalendarDate, count: number): Month[] {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const out: Month[] = [];
  for (let i = count; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(monthOf(Math.floor(total / 12), (total % 12) + 1, count - i));
  }
  return out;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

/** A uniformly chosen day in [from, to]. */
export function dayBetween(pick: (min: number, max: number) => number, from: CalendarDate, to: CalendarDate): CalendarDate {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, pick(0, Math.max(0, span)));
}

/** "23/11/2026", as Vietnamese documents write dates. */
export function viDate(date: CalendarDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Tables whose ids the seed allocates up front, so that rows can point at each other before insertion. */
export type SeededTable = "Unit" | "Organisation" | "Cadre" | "Meeting" | "Petition" | "User" | "Agency" | "PetitionField";

/**
 * Takes `n` values from the table's id sequence. Rows inserted with these ids keep the
 * sequence consistent for the app's own inserts, and the ids are known before the rows
 * exist, which a bulk insert's RETURNING order would not guarantee.
 */
export async function reserveIds(db: PrismaClient, table: SeededTable, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence(${`"${table}"`}, 'id'))::int AS id FROM generate_series(1, ${n}::int)`;
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  if (ids.length !== n) throw new Error(`reserveIds(${table}): expected ${n} ids, got ${ids.length}`);
  return ids;
}

/** Inserts `rows` in chunks small enough for PostgreSQL's 65,535 bind parameters. */
export async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
