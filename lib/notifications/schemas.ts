import { z } from "zod";
import { checkboxField, idField } from "../forms/fields";
import { vietnamMobile } from "./channels/phone";

export const markReadSchema = z.object({ notificationId: idField() });
export const markAllReadSchema = z.object({});

/** The user's channels: e-mail when ticked, to the address given (required then). */
export const settingsSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, { error: "Địa chỉ e-mail dài tối đa 254 ký tự." })
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.union([z.null(), z.email({ error: "Địa chỉ e-mail không hợp lệ." })])),
    byEmail: checkboxField,
    /** A Vietnamese mobile number, kept as the providers take it (84 and nine digits). */
    phone: z
      .string()
      .trim()
      .max(20, { error: "Số điện thoại dài tối đa 20 ký tự." })
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.union([z.null(), z.string().transform((v, ctx) => vietnamMobile(v) ?? (ctx.addIssue({ code: "custom", message: "Số điện thoại di động không hợp lệ (ví dụ 0912 345 678)." }), z.NEVER))])),
    byZalo: checkboxField,
    bySms: checkboxField,
  })
  .refine((v) => !v.byEmail || v.email !== null, { path: ["email"], error: "Vui lòng nhập địa chỉ e-mail để nhận thông báo qua e-mail." })
  .refine((v) => !(v.byZalo || v.bySms) || v.phone !== null, { path: ["phone"], error: "Vui lòng nhập số điện thoại để nhận thông báo qua Zalo hoặc SMS." });

export type SettingsInput = z.output<typeof settingsSchema>;
