/**
 * A year's days off and make-up working days, from the one place that decides them: the
 * government's published schedule when the year has one (official-schedules.ts), else the
 * computed estimate (holidays.ts). Everything that fills or counts the calendar — the
 * CalendarDay table, the demo seed, `calendarForYears` — goes through here (decision 047).
 */
import { compareDates } from "./date";
import { computeHolidays } from "./holidays";
import { officialSchedule, type OfficialSource, type ScheduledDay } from "./official-schedules";

export type YearSchedule =
  | { year: number; status: "OFFICIAL"; sources: readonly OfficialSource[]; days: ScheduledDay[] }
  | { year: number; status: "ESTIMATE"; days: ScheduledDay[] };

/** The days of `year`, sorted by date: published if the government has published them, else computed. */
export function scheduleForYear(year: number): YearSchedule {
  const official = officialSchedule(year);
  if (official) {
    const days = [...official.days].sort((a, b) => compareDates(a.date, b.date)).map((d) => ({ ...d, name: d.name.normalize("NFC") }));
    return { year, status: "OFFICIAL", sources: official.sources, days };
  }
  return { year, status: "ESTIMATE", days: computeHolidays(year).map((h) => ({ date: h.date, kind: "HOLIDAY", name: h.name })) };
}
