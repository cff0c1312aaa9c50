import { z } from "zod";
import { confirmField, idField, isoDateField, versionField } from "../forms/fields";
import { todayInVietnam } from "../time";
import { GENDERS, MAX_NAME_LENGTH, MAX_POSITION_LENGTH, maxBirthYear, MIN_BIRTH_YEAR } from "./rules";
import { normalisePhone } from "../text/phone";

const id = idField();
const version = versionField;
const isoDate = isoDateField();
const optionalIsoDate = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? null : s.trim()))
  .pipe(z.union([z.null(), isoDate]));

/** Optional text: absent stays undefined, an empty box becomes null. */
function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label} tối đa ${max} ký tự.` })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "" ? null : v));
}

/** Absent (the form did not show it: no right to personal data) → undefined; empty → null. */
export const birthYearField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (v === "") return null;
    const max = maxBirthYear(todayInVietnam());
    const year = /^\d{4}$/.test(v) ? Number(v) : NaN;
    if (!(year >= MIN_BIRTH_YEAR && year <= max)) {
      ctx.addIssue({ code: "custom", message: `Năm sinh phải là năm từ ${MIN_BIRTH_YEAR} đến ${max}.` });
      return z.NEVER;
    }
    return year;
  });

export const phoneField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    if (v === "") return null;
    const phone = normalisePhone(v);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (hoặc +84)." });
      return z.NEVER;
    }
    return phone;
  });

export const cadreFieldsSchema = z.object({
  fullName: z
    .string({ error: "Vui lòng nhập họ và tên." })
    .trim()
    .min(1, { error: "Vui lòng nhập họ và tên." })
    .max(MAX_NAME_LENGTH, { error: `Họ và tên tối đa ${MAX_NAME_LENGTH} ký tự.` }),
  gender: z.enum(GENDERS, { error: "Vui lòng chọn giới tính: Nam, Nữ hoặc Khác." }),
  birthYear: birthYearField,
  phone: phoneField,
  isPartyMember: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  position: optionalText(MAX_POSITION_LENGTH, "Chức vụ"),
  unitId: idField("Vui lòng chọn đơn vị."),
});

export const createCadreSchema = cadreFieldsSchema;
export const updateCadreSchema = cadreFieldsSchema.extend({ id, version });

export const endCadreSchema = z
  .object({
    id,
    version,
    endedOn: isoDate,
    confirm: confirmField,
  })
  .refine((v) => v.endedOn <= todayInVietnam(), { error: "Ngày thôi công tác không được sau hôm nay.", path: ["endedOn"] });

export const addTrainingSchema = z
  .object({
    cadreId: id,
    course: z.string({ error: "Vui lòng nhập tên khóa học." }).trim().min(1, { error: "Vui lòng nhập tên khóa học." }).max(200, { error: "Tên khóa học tối đa 200 ký tự." }),
    organiser: z.string({ error: "Vui lòng nhập đơn vị tổ chức." }).trim().min(1, { error: "Vui lòng nhập đơn vị tổ chức." }).max(200, { error: "Đơn vị tổ chức tối đa 200 ký tự." }),
    startOn: isoDate,
    endOn: optionalIsoDate,
    result: optionalText(200, "Kết quả"),
  })
  .refine((v) => v.endOn === null || v.endOn >= v.startOn, { error: "Ngày kết thúc không được trước ngày bắt đầu.", path: ["endOn"] });

export const deleteTrainingSchema = z.object({
  id,
  confirm: confirmField,
});

export type CadreFieldsInput = z.output<typeof cadreFieldsSchema>;
export type UpdateCadreInput = z.output<typeof updateCadreSchema>;
export type EndCadreInput = z.output<typeof endCadreSchema>;
export type AddTrainingInput = z.output<typeof addTrainingSchema>;
export type DeleteTrainingInput = z.output<typeof deleteTrainingSchema>;
