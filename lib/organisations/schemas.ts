import { z } from "zod";
import { AFFILIATIONS, MEMBERSHIP_ROLES } from "./labels";

const id = z.coerce.number({ error: "Mã không hợp lệ." }).int({ error: "Mã không hợp lệ." }).positive({ error: "Mã không hợp lệ." });
/** "yyyy-mm-dd" (an <input type="date">) → the UTC midnight Prisma uses for @db.Date. */
const isoDate = z
  .string({ error: "Vui lòng chọn ngày." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Vui lòng chọn ngày." })
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), { error: "Ngày không hợp lệ." });

export const addMemberSchema = z.object({
  organisationId: id,
  cadreId: z.coerce.number({ error: "Vui lòng chọn cán bộ." }).int({ error: "Vui lòng chọn cán bộ." }).positive({ error: "Vui lòng chọn cán bộ." }),
  role: z.enum(MEMBERSHIP_ROLES, { error: "Vui lòng chọn vai trò." }),
  representing: z.enum(AFFILIATIONS, { error: "Vui lòng chọn tổ chức đại diện." }),
  termStart: isoDate,
});

export const endMembershipSchema = z.object({ membershipId: id, termEnd: isoDate });

/** The form adds a ticked "I confirm" box. */
export const endMembershipFormSchema = endMembershipSchema.extend({
  confirm: z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." }),
});

export type AddMemberInput = z.output<typeof addMemberSchema>;
export type EndMembershipInput = z.output<typeof endMembershipSchema>;
