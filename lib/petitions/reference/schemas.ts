import { z } from "zod";
import { MAX_DEADLINE_DAYS } from "../../calendar/table";
import { checkboxField, confirmField, idField } from "../../forms/fields";

const text = (max: number, required: string) =>
  z
    .string({ error: required })
    .transform((v) => v.normalize("NFC").trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, { error: required }).max(max, { error: `Tối đa ${max} ký tự.` }));

const deadlineDays = z.coerce
  .number({ error: `Số ngày làm việc từ 1 đến ${MAX_DEADLINE_DAYS}.` })
  .int({ error: `Số ngày làm việc từ 1 đến ${MAX_DEADLINE_DAYS}.` })
  .min(1, { error: `Số ngày làm việc từ 1 đến ${MAX_DEADLINE_DAYS}.` })
  .max(MAX_DEADLINE_DAYS, { error: `Số ngày làm việc từ 1 đến ${MAX_DEADLINE_DAYS}.` });

const sortOrder = z.coerce
  .number({ error: "Thứ tự là số nguyên từ 0 đến 9999." })
  .int({ error: "Thứ tự là số nguyên từ 0 đến 9999." })
  .min(0, { error: "Thứ tự là số nguyên từ 0 đến 9999." })
  .max(9999, { error: "Thứ tự là số nguyên từ 0 đến 9999." });

const fieldObject = z.object({
  name: text(100, "Vui lòng nhập tên lĩnh vực."),
  defaultDeadlineDays: deadlineDays,
  /**
   * Working days to assign an unassigned petition (decision 051). The form always sends it; without it a new
   * field gets 5 and an edited one keeps its own, either at most the days to resolve (lib/petitions/reference/fields.ts).
   */
  assignmentDeadlineDays: deadlineDays.optional(),
  sortOrder,
});

/** The deadline to assign runs from receipt, as the deadline to resolve does: it cannot end after it. */
const assignWithinResolve = <T extends { defaultDeadlineDays: number; assignmentDeadlineDays?: number }>(v: T) =>
  v.assignmentDeadlineDays === undefined || v.assignmentDeadlineDays <= v.defaultDeadlineDays;
const ASSIGN_WITHIN = { error: "Hạn giao xử lý không dài hơn hạn giải quyết.", path: ["assignmentDeadlineDays"] };

export const createFieldSchema = fieldObject.refine(assignWithinResolve, ASSIGN_WITHIN);

export const updateFieldSchema = fieldObject.extend({ id: idField() }).refine(assignWithinResolve, ASSIGN_WITHIN);

/** Deactivate (active absent) or reactivate (active = "on"), with the confirmation box. */
export const setFieldActiveSchema = z.object({ id: idField(), active: checkboxField, confirm: confirmField });

export const createAgencySchema = z.object({
  name: text(200, "Vui lòng nhập tên cơ quan."),
  unitId: idField("Vui lòng chọn đơn vị."),
});

export const renameAgencySchema = z.object({ id: idField(), name: text(200, "Vui lòng nhập tên cơ quan.") });

export const setAgencyActiveSchema = z.object({ id: idField(), active: checkboxField, confirm: confirmField });

/**
 * The agency's e-mail address, where its links are sent (decision 075); empty removes it. Kept in lower case:
 * an office's address, compared and shown as one.
 */
export const setAgencyEmailSchema = z.object({
  id: idField(),
  email: z
    .string()
    .optional()
    .transform((v) => (v ?? "").normalize("NFC").trim().toLowerCase())
    .pipe(z.string().max(254, { error: "Địa chỉ e-mail dài tối đa 254 ký tự." }))
    .transform((v) => (v ? v : null))
    .pipe(z.union([z.null(), z.email({ error: "Địa chỉ e-mail không hợp lệ." })])),
});

export type CreateFieldInput = z.output<typeof createFieldSchema>;
export type UpdateFieldInput = z.output<typeof updateFieldSchema>;
export type SetActiveInput = { id: number; active: boolean };
export type CreateAgencyInput = z.output<typeof createAgencySchema>;
export type RenameAgencyInput = z.output<typeof renameAgencySchema>;
export type SetAgencyEmailInput = z.output<typeof setAgencyEmailSchema>;
