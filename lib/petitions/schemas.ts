import { z } from "zod";
import { idField, isoDateField, optionalTextField } from "../forms/fields";
import { uploadsField } from "../files/upload";
import { normalisePhone } from "../text/phone";
import { PETITION_CHANNELS, PETITIONER_KINDS } from "./labels";

export const MAX_CONTENT_LENGTH = 10_000;
export const ATTACHMENT_TYPES = ["pdf", "jpg", "png", "docx", "xlsx"] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

const phone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = v?.trim();
    if (!text) return undefined;
    const normalised = normalisePhone(text);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Số điện thoại không hợp lệ (ví dụ: 0912 345 678)." });
      return z.NEVER;
    }
    return normalised;
  });

/** The intake form, its attachments included (checked from their bytes). */
export const intakeSchema = z
  .object({
    /** Made by the form when it is first shown: a resubmission of it creates nothing new. */
    idempotencyKey: z.uuid({ error: "Biểu mẫu không hợp lệ, vui lòng tải lại trang." }),
    receivedOn: isoDateField("Vui lòng chọn ngày tiếp nhận."),
    channel: z.enum(PETITION_CHANNELS, { error: "Vui lòng chọn hình thức tiếp nhận." }),
    petitionerKind: z.enum(PETITIONER_KINDS, { error: "Vui lòng chọn người kiến nghị." }),
    petitionerName: optionalTextField(200, "Họ tên không được dài quá 200 ký tự."),
    petitionerPhone: phone,
    petitionerAddress: optionalTextField(300, "Địa chỉ không được dài quá 300 ký tự."),
    unitId: idField("Vui lòng chọn thôn, tổ dân phố nơi phát sinh vụ việc."),
    fieldId: idField("Vui lòng chọn lĩnh vực."),
    content: z
      .string({ error: "Vui lòng nhập nội dung kiến nghị." })
      .transform((v) => v.normalize("NFC").trim())
      .pipe(
        z
          .string()
          .min(10, { error: "Nội dung quá ngắn: vui lòng ghi rõ vụ việc (ít nhất 10 ký tự)." })
          .max(MAX_CONTENT_LENGTH, { error: `Nội dung không được dài quá ${MAX_CONTENT_LENGTH.toLocaleString("vi-VN")} ký tự.` }),
      ),
    meetingId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
    attachments: uploadsField({ allowed: ATTACHMENT_TYPES, maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS }),
  })
  .superRefine((v, ctx) => {
    if (v.petitionerKind !== "ANONYMOUS" && !v.petitionerName) {
      ctx.addIssue({ code: "custom", path: ["petitionerName"], message: "Vui lòng nhập họ tên người (hoặc đại diện nhóm) kiến nghị." });
    }
  })
  // An anonymous petition keeps no personal data, whatever the form sent.
  .transform((v) =>
    v.petitionerKind === "ANONYMOUS" ? { ...v, petitionerName: undefined, petitionerPhone: undefined, petitionerAddress: undefined } : v,
  );

export type IntakeInput = z.output<typeof intakeSchema>;
