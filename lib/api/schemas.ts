import { z } from "zod";
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
  tokenId: z.coerce.number({ error: "Mã không hợp lệ." }).int({ error: "Mã không hợp lệ." }).positive({ error: "Mã không hợp lệ." }),
});

/** The form adds a ticked "I confirm" box. */
export const revokeTokenFormSchema = revokeTokenSchema.extend({
  confirm: z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." }),
});

export type CreateTokenInput = z.output<typeof createTokenSchema>;
export type RevokeTokenInput = z.output<typeof revokeTokenSchema>;
