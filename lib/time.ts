import { formatDate } from "./format";

/**
 * Today's date in Vietnam, as the UTC midnight that Prisma uses for `@db.Date` columns.
 * The server's own time zone never matters.
 */
export function todayInVietnam(now = new Date()): Date {
  const [day, month, year] = formatDate(now).split("/").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function startOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** "YYYY-MM-DD" of a `@db.Date` value (UTC midnight), for SQL date parameters and audit data. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A `@db.Date` value moved by whole days. */
export function addDaysUtc(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
