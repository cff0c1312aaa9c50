import { TIME_ZONE } from "./i18n/config";

/**
 * Today's date in Vietnam, as the UTC midnight that Prisma uses for `@db.Date` columns.
 * The server's own time zone never matters.
 */
export function todayInVietnam(now = new Date()): Date {
  const [day, month, year] = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" })
    .format(now)
    .split("/")
    .map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function startOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}
