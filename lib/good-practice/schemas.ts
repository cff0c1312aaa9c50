/**
 * The good-practice models' forms (decision 076): register, the life-cycle steps, replication, evidence.
 * Messages in Vietnamese; no "use server" here.
 */
import { z } from "zod";
import { checkboxField, idField, isoDateField, versionField } from "../forms/fields";
import { uploadsField } from "../files/upload";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../petitions/schemas";
import { todayInVietnam } from "../time";
import { GOOD_PRACTICE_FIELDS, RECOGNITION_LEVELS } from "./workflow";

export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 5000;
export const MAX_IN_CHARGE = 500;
export const MAX_NOTE = 2000;
export const FIRST_YEAR = 2000;
/** The latest emulation year a model may be registered for: next year (units register ahead). */
export const lastYear = (now = new Date()) => todayInVietnam(now).getUTCFullYear() + 1;

const text = (max: number, required: string, tooLong: string) =>
  z
    .string({ error: required })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(z.string().min(1, { error: required }).max(max, { error: tooLong }));

const notAfterToday = (message: string) => isoDateField(message, { max: () => todayInVietnam() });

export const evidenceField = uploadsField({ allowed: ATTACHMENT_TYPES, maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS });

export const registerModelSchema = z.object({
  idempotencyKey: z.uuid({ error: "Biểu mẫu không hợp lệ, vui lòng tải lại trang." }),
  unitId: idField("Vui lòng chọn đơn vị đăng ký mô hình."),
  field: z.enum(GOOD_PRACTICE_FIELDS, { error: "Vui lòng chọn lĩnh vực." }),
  year: z.coerce
    .number({ error: "Năm không hợp lệ." })
    .int({ error: "Năm không hợp lệ." })
    .refine((y) => y >= FIRST_YEAR && y <= lastYear(), { error: `Năm phải từ ${FIRST_YEAR} đến năm sau.` }),
  title: text(MAX_TITLE, "Vui lòng nhập tên mô hình.", `Tên mô hình tối đa ${MAX_TITLE} ký tự.`),
  description: text(MAX_DESCRIPTION, "Vui lòng mô tả mô hình.", `Mô tả tối đa ${MAX_DESCRIPTION} ký tự.`),
  inCharge: text(MAX_IN_CHARGE, "Vui lòng ghi người phụ trách.", `Người phụ trách tối đa ${MAX_IN_CHARGE} ký tự.`),
  attachments: evidenceField,
});
export type RegisterModelInput = z.output<typeof registerModelSchema>;

const modelRef = { modelId: idField(), version: versionField };

export const buildModelSchema = z.object(modelRef);
export type BuildModelInput = z.output<typeof buildModelSchema>;

export const assessModelSchema = z.object({
  ...modelRef,
  score: z.coerce
    .number({ error: "Điểm phải là số nguyên từ 0 đến 100." })
    .int({ error: "Điểm phải là số nguyên từ 0 đến 100." })
    .min(0, { error: "Điểm phải là số nguyên từ 0 đến 100." })
    .max(100, { error: "Điểm phải là số nguyên từ 0 đến 100." }),
  note: text(MAX_NOTE, "Vui lòng ghi nhận xét đánh giá.", `Nhận xét tối đa ${MAX_NOTE} ký tự.`),
  effective: checkboxField,
  assessedOn: notAfterToday("Vui lòng chọn ngày đánh giá."),
});
export type AssessModelInput = z.output<typeof assessModelSchema>;

export const recogniseModelSchema = z.object({
  ...modelRef,
  level: z.enum(RECOGNITION_LEVELS, { error: "Vui lòng chọn cấp công nhận." }),
  recognisedOn: notAfterToday("Vui lòng chọn ngày công nhận."),
});
export type RecogniseModelInput = z.output<typeof recogniseModelSchema>;

export const replicateModelSchema = z.object({
  ...modelRef,
  unitId: idField("Vui lòng chọn thôn hoặc xã áp dụng mô hình."),
  adoptedOn: notAfterToday("Vui lòng chọn ngày áp dụng."),
});
export type ReplicateModelInput = z.output<typeof replicateModelSchema>;

export const addEvidenceSchema = z.object({
  ...modelRef,
  attachments: evidenceField.refine((files) => files.length > 0, { error: "Vui lòng chọn tệp minh chứng." }),
});
export type AddEvidenceInput = z.output<typeof addEvidenceSchema>;
