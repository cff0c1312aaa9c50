/** Vietnamese public holidays, lunar calendar and working-day deadlines. */
export {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatDate,
  isCalendarDate,
  isWeekend,
  parseDate,
  type CalendarDate,
  type DateParts,
} from "./date";
export { lunarToSolar, solarToLunar, VIETNAM_TIME_ZONE, type LunarDate } from "./lunar";
export { COMPENSATORY_PREFIX, HOLIDAY_NAMES, computeHolidays, type Holiday } from "./holidays";
export {
  OFFICIAL_SCHEDULES,
  OFFICIAL_YEARS,
  officialSchedule,
  type OfficialSchedule,
  type OfficialSource,
  type ScheduledDay,
  type ScheduledDayKind,
} from "./official-schedules";
export { scheduleForYear, type YearSchedule } from "./schedule";
export {
  addWorkingDays,
  calendarForYears,
  calendarFromHolidays,
  isWorkingDay,
  workingDayOnOrBefore,
  workingDaysBetween,
  type HolidayCalendar,
} from "./working-days";
