import { z } from "zod";
import { confirmField, isoDateField } from "../forms/fields";
import { isWeekend } from "./date";

export const CALENDAR_KINDS = ["HOLIDAY", "WORKING_DAY"] as const;
/** The years the computation covers (lib/calendar/holidays.ts). */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2199;

export const HOLIDAY_ON_WEEKEND = "Ngày này đã là thứ Bảy hoặc Chủ nhật, vốn được nghỉ: thêm ngày nghỉ vào đây không có tác dụng.";
export const WORKING_DAY_ON_WEEKDAY = "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật; ngày thường vốn là ngày làm việc.";

const name = z
  .string({ error: "Vui lòng nhập tên ngày." })
  .transform((v) => v.normalize("NFC").trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, { error: "Vui lòng nhập tên ngày." }).max(120, { error: "Tên tối đa 120 ký tự." }));
const kind = z.enum(CALENDAR_KINDS, { error: "Vui lòng chọn loại ngày." });

/** A day off must fall on a weekday; a make-up working day on a weekend. */
export function kindRuleError(date: Date, kind: (typeof CALENDAR_KINDS)[number]): string | null {
  const weekend = isWeekend(date.toISOString().slice(0, 10));
  if (kind === "HOLIDAY" && weekend) return HOLIDAY_ON_WEEKEND;
  if (kind === "WORKING_DAY" && !weekend) return WORKING_DAY_ON_WEEKDAY;
  return null;
}

function checkKind(value: { date: Date; kind: (typeof CALENDAR_KINDS)[number] }, ctx: z.RefinementCtx) {
  const message = kindRuleError(value.date, value.kind);
  if (message) ctx.addIssue({ code: "custom", path: ["date"], message });
}

const yearDate = isoDateField().refine((d) => d.getUTCFullYear() >= MIN_CALENDAR_YEAR && d.getUTCFullYear() <= MAX_CALENDAR_YEAR, {
  error: `Năm phải từ ${MIN_CALENDAR_YEAR} đến ${MAX_CALENDAR_YEAR}.`,
});

export const addCalendarDaySchema = z.object({ date: yearDate, kind, name }).superRefine(checkKind);

export const updateCalendarDaySchema = z
  .object({
    date: yearDate,
    kind,
    name,
    /** The row's updatedAt when the form was shown: a stale form is refused. */
    updatedAt: z.iso.datetime({ error: "Phiên bản không hợp lệ." }),
  })
  .superRefine(checkKind);

export const deleteCalendarDaySchema = z.object({ date: yearDate, confirm: confirmField });

export const restoreCalendarYearSchema = z.object({
  year: z.coerce.number({ error: "Năm không hợp lệ." }).int().min(MIN_CALENDAR_YEAR).max(MAX_CALENDAR_YEAR),
  confirm: confirmField,
});

export type AddCalendarDayInput = z.output<typeof addCalendarDaySchema>;
export type UpdateCalendarDayInput = z.output<typeof updateCalendarDaySchema>;
export type DeleteCalendarDayInput = Pick<z.output<typeof deleteCalendarDaySchema>, "date">;
export type RestoreCalendarYearInput = Pick<z.output<typeof restoreCalendarYearSchema>, "year">;
