/** The agency's three answers through its link, and staff's decisions on them (decision 063). */
import { z } from "zod";
import { confirmField, idField, versionField } from "../forms/fields";
import { uploadsField } from "../files/upload";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../petitions/schemas";
import { RESOLUTION_KINDS } from "../petitions/labels";

export const MAX_ANSWER_LENGTH = 5_000;
/** Working days an agency may ask for at once. */
export const MAX_EXTENSION_DAYS = 30;

const text = (min: number, tooShort: string) =>
  z
    .string({ error: tooShort })
    .transform((v) => v.normalize("NFC").trim())
    .pipe(z.string().min(min, { error: tooShort }).max(MAX_ANSWER_LENGTH, { error: `Không được dài quá ${MAX_ANSWER_LENGTH.toLocaleString("vi-VN")} ký tự.` }));

export const progressSchema = z.object({
  kind: z.literal("tien-do"),
  text: text(5, "Vui lòng ghi tiến độ xử lý (ít nhất 5 ký tự)."),
});

export const resultSchema = z.object({
  kind: z.literal("ket-qua"),
  resolution: z.enum(RESOLUTION_KINDS, { error: "Vui lòng chọn kết quả: đã giải quyết xong hoặc chỉ giải thích." }),
  text: text(5, "Vui lòng ghi tóm tắt kết quả (ít nhất 5 ký tự)."),
  // The reply document: one file, the petition attachments' types and size, checked from its bytes.
  document: uploadsField({ allowed: ATTACHMENT_TYPES, maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: 1 }).refine((files) => files.length === 1, {
    error: "Vui lòng đính kèm văn bản trả lời (pdf, jpg, png, docx hoặc xlsx, tối đa 10 MB).",
  }),
});

export const extensionSchema = z.object({
  kind: z.literal("gia-han"),
  days: z.coerce
    .number({ error: "Vui lòng nhập số ngày làm việc cần thêm." })
    .int({ error: "Số ngày phải là số nguyên." })
    .min(1, { error: "Ít nhất 1 ngày làm việc." })
    .max(MAX_EXTENSION_DAYS, { error: `Tối đa ${MAX_EXTENSION_DAYS} ngày làm việc mỗi lần.` }),
  text: text(5, "Vui lòng ghi lý do xin gia hạn (ít nhất 5 ký tự)."),
});

export const agencyAnswerSchema = z.discriminatedUnion("kind", [progressSchema, resultSchema, extensionSchema], { error: "Yêu cầu không hợp lệ." });
export type AgencyAnswerInput = z.infer<typeof agencyAnswerSchema>;

export const linkSchema = z.object({ petitionId: idField() });
export const revokeLinkSchema = z.object({ petitionId: idField(), confirm: confirmField });

export const decideSchema = z
  .object({
    answerId: idField(),
    version: versionField,
    decision: z.enum(["accept", "refuse"], { error: "Vui lòng chọn chấp nhận hoặc từ chối." }),
    note: z
      .string()
      .optional()
      .transform((v) => v?.normalize("NFC").trim() || undefined)
      .pipe(z.string().max(2_000, { error: "Không được dài quá 2.000 ký tự." }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Vui lòng ghi lý do trả lại để cơ quan biết cần làm gì." });
  });
export type DecideInput = z.infer<typeof decideSchema>;
