/**
 * The holiday schedules the government published for cán bộ, công chức, viên chức, year by year
 * (decision 047). The Labour Code fixes how many days each holiday has; which five days are Tết,
 * which day sits beside 2/9 and which weekday is swapped for a Saturday are decided each year, so a
 * published year is data, not a computation. `schedule.ts` uses a year listed here and falls back
 * to `computeHolidays` for any other.
 *
 * Each year lists every day the notices name: the statutory days (weekend ones included, as the
 * notices count them), the compensatory days of Labour Code 2019 art. 111(3) (2012: art. 115(3)),
 * a weekday given off by a swap ("hoán đổi") and the weekend day worked instead (WORKING_DAY).
 *
 * Sources: the number and date of each notice as published; where they were read only in a
 * secondary source (a news report, a law database's summary), `note` says so. A year is added when
 * the government publishes it; a correction to a year here is a correction to the data, with its
 * source, not to the computation.
 */
import type { CalendarDate } from "./date";
import { COMPENSATORY_PREFIX, HOLIDAY_NAMES } from "./holidays";

export type ScheduledDayKind = "HOLIDAY" | "WORKING_DAY";

export interface ScheduledDay {
  date: CalendarDate;
  kind: ScheduledDayKind;
  name: string;
}

export interface OfficialSource {
  /** The document as cited: number, date, issuer. */
  document: string;
  /** What it decided for the year. */
  covers: string;
  /** What was not checked against the document itself. */
  note?: string;
}

export interface OfficialSchedule {
  year: number;
  sources: readonly OfficialSource[];
  days: readonly ScheduledDay[];
}

const { newYear, tet, hungKings, reunification, labour, national } = HOLIDAY_NAMES;
const off = (date: CalendarDate, name: string): ScheduledDay => ({ date, kind: "HOLIDAY", name });
const inLieu = (date: CalendarDate, of: string): ScheduledDay => off(date, `${COMPENSATORY_PREFIX} ${of}`);
const dmy = (date: CalendarDate) => date.split("-").reverse().join("/");
/** A swap: the weekday `dayOff` is given off and the weekend day `dayWorked` is worked instead. */
const swap = (dayOff: CalendarDate, dayWorked: CalendarDate): ScheduledDay[] => [
  off(dayOff, `Nghỉ hoán đổi, làm bù ngày ${dmy(dayWorked)}`),
  { date: dayWorked, kind: "WORKING_DAY", name: `Làm bù cho ngày nghỉ hoán đổi ${dmy(dayOff)}` },
];

const MOLISA = "Bộ Lao động - Thương binh và Xã hội";
const MOHA = "Bộ Nội vụ";
const GOV_OFFICE = "Văn phòng Chính phủ";

export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = [
  {
    // Labour Code 2012 (art. 115): 10 days, Quốc khánh one day.
    year: 2020,
    sources: [
      {
        document: `Thông báo số 4544/TB-LĐTBXH ngày 25/10/2019 của ${MOLISA}`,
        covers: "Tết Âm lịch 23/01–29/01/2020: 05 ngày Tết và 02 ngày nghỉ bù cho mùng 1, mùng 2 trùng thứ Bảy, Chủ nhật.",
        note: "Số và ngày của thông báo theo bản tóm tắt của một cơ sở dữ liệu pháp luật, chưa đối chiếu bản gốc.",
      },
    ],
    days: [
      off("2020-01-01", newYear),
      ...["2020-01-23", "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27"].map((d) => off(d, tet)),
      inLieu("2020-01-28", tet),
      inLieu("2020-01-29", tet),
      off("2020-04-02", hungKings),
      off("2020-04-30", reunification),
      off("2020-05-01", labour),
      off("2020-09-02", national),
    ],
  },
  {
    year: 2021,
    sources: [
      {
        document: `Thông báo số 4875/TB-LĐTBXH của ${MOLISA}`,
        covers: "Tết Âm lịch 10/02–16/02/2021 (2 ngày trước Tết, 3 ngày sau Tết, nghỉ bù 15/02 và 16/02); Quốc khánh 02/09 và 03/09/2021.",
        note: "Ngày ban hành của thông báo chưa đối chiếu được.",
      },
    ],
    days: [
      off("2021-01-01", newYear),
      ...["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-13", "2021-02-14"].map((d) => off(d, tet)),
      inLieu("2021-02-15", tet),
      inLieu("2021-02-16", tet),
      off("2021-04-21", hungKings),
      off("2021-04-30", reunification),
      off("2021-05-01", labour),
      inLieu("2021-05-03", labour),
      off("2021-09-02", national),
      off("2021-09-03", national),
    ],
  },
  {
    year: 2022,
    sources: [
      {
        document: `Thông báo số 119/TB-LĐTBXH của ${MOLISA}, thực hiện Công văn số 245/VPCP-KGVX ngày 11/01/2022 của ${GOV_OFFICE}`,
        covers: "Tết Âm lịch 31/01–04/02/2022; Quốc khánh 01/09 và 02/09/2022.",
        note: "Ngày ban hành của Thông báo 119/TB-LĐTBXH chưa đối chiếu được.",
      },
    ],
    days: [
      off("2022-01-01", newYear),
      inLieu("2022-01-03", newYear),
      ...["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"].map((d) => off(d, tet)),
      off("2022-04-10", hungKings),
      inLieu("2022-04-11", hungKings),
      off("2022-04-30", reunification),
      off("2022-05-01", labour),
      inLieu("2022-05-02", reunification),
      inLieu("2022-05-03", labour),
      off("2022-09-01", national),
      off("2022-09-02", national),
    ],
  },
  {
    year: 2023,
    sources: [
      {
        document: `Thông báo số 5034/TB-LĐTBXH ngày 07/12/2022 của ${MOLISA}, thực hiện Công văn số 8056/VPCP-KGVX ngày 01/12/2022 của ${GOV_OFFICE}`,
        covers: "Tết Âm lịch 20/01–26/01/2023 (05 ngày Tết, nghỉ bù 25/01 và 26/01); Quốc khánh 01/09–04/09/2023 (02/09 thứ Bảy, nghỉ bù 04/09).",
      },
    ],
    days: [
      off("2023-01-01", newYear),
      inLieu("2023-01-02", newYear),
      ...["2023-01-20", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24"].map((d) => off(d, tet)),
      inLieu("2023-01-25", tet),
      inLieu("2023-01-26", tet),
      off("2023-04-29", hungKings),
      off("2023-04-30", reunification),
      off("2023-05-01", labour),
      inLieu("2023-05-02", hungKings),
      inLieu("2023-05-03", reunification),
      off("2023-09-01", national),
      off("2023-09-02", national),
      inLieu("2023-09-04", national),
    ],
  },
  {
    year: 2024,
    sources: [
      {
        document: `Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 của ${MOLISA}, thực hiện Công văn số 8662/VPCP-KGVX ngày 03/11/2023 của ${GOV_OFFICE}`,
        covers: "Tết Âm lịch 08/02–14/02/2024 (05 ngày Tết, nghỉ bù 13/02 và 14/02); Quốc khánh 02/09 và 03/09/2024.",
      },
      {
        document: `Công văn số 2450/VPCP-KGVX ngày 12/04/2024 của ${GOV_OFFICE}; Thông báo số 1570/TB-LĐTBXH của ${MOLISA}`,
        covers: "Hoán đổi ngày làm việc thứ Hai 29/04/2024 sang thứ Bảy 04/05/2024.",
        note: "Số Thông báo 1570/TB-LĐTBXH theo nguồn thứ cấp; ngày ban hành chưa đối chiếu được.",
      },
    ],
    days: [
      off("2024-01-01", newYear),
      ...["2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12"].map((d) => off(d, tet)),
      inLieu("2024-02-13", tet),
      inLieu("2024-02-14", tet),
      off("2024-04-18", hungKings),
      ...swap("2024-04-29", "2024-05-04"),
      off("2024-04-30", reunification),
      off("2024-05-01", labour),
      off("2024-09-02", national),
      off("2024-09-03", national),
    ],
  },
  {
    year: 2025,
    sources: [
      {
        document: `Thông báo số 6150/TB-BLĐTBXH của ${MOLISA}, thực hiện Công văn số 8726/VPCP-KGVX ngày 26/11/2024 của ${GOV_OFFICE}`,
        covers:
          "Tết Âm lịch 25/01–02/02/2025 (05 ngày Tết 27/01–31/01 và 04 ngày nghỉ hằng tuần); Quốc khánh 01/09 và 02/09/2025; hoán đổi ngày làm việc thứ Sáu 02/05/2025 sang thứ Bảy 26/04/2025.",
        note: "Số thông báo theo nguồn thứ cấp; ngày ban hành (đầu tháng 12/2024) chưa đối chiếu bản gốc.",
      },
    ],
    days: [
      off("2025-01-01", newYear),
      ...["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"].map((d) => off(d, tet)),
      off("2025-04-07", hungKings),
      ...swap("2025-05-02", "2025-04-26"),
      off("2025-04-30", reunification),
      off("2025-05-01", labour),
      off("2025-09-01", national),
      off("2025-09-02", national),
    ],
  },
  {
    year: 2026,
    sources: [
      {
        document: `Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của ${GOV_OFFICE} và thông báo cùng ngày của ${MOHA}`,
        covers: "Tết Dương lịch 01/01–04/01/2026: hoán đổi ngày làm việc thứ Sáu 02/01/2026 sang thứ Bảy 10/01/2026.",
        note: "Số thông báo của Bộ Nội vụ chưa đối chiếu được.",
      },
      {
        document: `Thông báo số 9441/TB-BNV ngày 16/10/2025 của ${MOHA}`,
        covers:
          "Tết Âm lịch 14/02–22/02/2026 (05 ngày Tết 16/02–20/02 và 04 ngày nghỉ hằng tuần); Quốc khánh 01/09 và 02/09/2026, hoán đổi ngày làm việc thứ Hai 31/08/2026 sang thứ Bảy 22/08/2026.",
      },
      {
        document: "Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị và Nghị quyết của Quốc hội về phát triển văn hóa Việt Nam",
        covers: "Ngày Văn hóa Việt Nam 24/11, người lao động được nghỉ làm việc, hưởng nguyên lương.",
        note: "Số Nghị quyết của Quốc hội (28/2026/QH16, hiệu lực từ 01/07/2026) theo nguồn thứ cấp, chưa đối chiếu văn bản gốc.",
      },
    ],
    days: [
      off("2026-01-01", newYear),
      ...swap("2026-01-02", "2026-01-10"),
      ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((d) => off(d, tet)),
      off("2026-04-26", hungKings),
      inLieu("2026-04-27", hungKings),
      off("2026-04-30", reunification),
      off("2026-05-01", labour),
      ...swap("2026-08-31", "2026-08-22"),
      off("2026-09-01", national),
      off("2026-09-02", national),
      off("2026-11-24", HOLIDAY_NAMES.culture),
    ],
  },
];

const byYear = new Map(OFFICIAL_SCHEDULES.map((s) => [s.year, s]));

/** The published schedule of `year`, if there is one. */
export function officialSchedule(year: number): OfficialSchedule | undefined {
  return byYear.get(year);
}

/** The years that have a published schedule, ascending. */
export const OFFICIAL_YEARS: readonly number[] = OFFICIAL_SCHEDULES.map((s) => s.year).sort((a, b) => a - b);
