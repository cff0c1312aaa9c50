import { z } from "zod";
import { checkboxField, idField } from "../forms/fields";

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
  })
  .refine((v) => !v.byEmail || v.email !== null, { path: ["email"], error: "Vui lòng nhập địa chỉ e-mail để nhận thông báo qua e-mail." });

export type SettingsInput = z.output<typeof settingsSchema>;
