import { z } from "zod";
import { confirmField, idField } from "../forms/fields";
import { TOKEN_LIFETIMES } from "./lifetimes";

export const createTokenSchema = z.object({
  name: z
    .string({ error: "Vui lòng đặt tên cho mã truy cập." })
    .trim()
    .min(1, { error: "Vui lòng đặt tên cho mã truy cập." })
    .max(100, { error: "Tên dài tối đa 100 ký tự." }),
  lifetime: z
    .enum(TOKEN_LIFETIMES, { error: "Vui lòng chọn thời hạn." })
    .transform((value) => (value === "never" ? null : Number(value))),
});

export const revokeTokenSchema = z.object({
  tokenId: idField(),
});

/** The form adds a ticked "I confirm" box. */
export const revokeTokenFormSchema = revokeTokenSchema.extend({
  confirm: confirmField,
});

export type CreateTokenInput = z.output<typeof createTokenSchema>;
export type RevokeTokenInput = z.output<typeof revokeTokenSchema>;
