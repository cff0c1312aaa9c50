import { z } from "zod";
import { confirmField, idField } from "../forms/fields";
import { DUTIES, isAgencyDuties, normaliseDuties, PRESET_NAMES, PRESETS } from "../auth/roles";
import type { Duty } from "../generated/prisma/enums";

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 40;
export const PASSWORD_MIN = 10;
/** argon2 hashes anything, but a sign-in refuses more than this (lib/auth/sign-in.ts). */
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 100;

const id = idField;

/** 3–40 characters a–z 0–9 . _ -, stored lower-case. */
export const usernameSchema = z
  .string({ error: "Vui lòng nhập tên đăng nhập." })
  .transform((s) => s.normalize("NFC").trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(USERNAME_MIN, { error: `Tên đăng nhập cần từ ${USERNAME_MIN} đến ${USERNAME_MAX} ký tự.` })
      .max(USERNAME_MAX, { error: `Tên đăng nhập cần từ ${USERNAME_MIN} đến ${USERNAME_MAX} ký tự.` })
      .regex(/^[a-z0-9._-]+$/, { error: "Tên đăng nhập chỉ gồm chữ a–z không dấu, số 0–9 và các dấu . _ -" }),
  );

const displayName = z
  .string({ error: "Vui lòng nhập họ và tên." })
  .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "Vui lòng nhập họ và tên." })
      .max(DISPLAY_NAME_MAX, { error: `Họ và tên tối đa ${DISPLAY_NAME_MAX} ký tự.` }),
  );

/**
 * What the user does (decision 049): a ready-made combination, or the ticked duties when none is
 * chosen ("" = own choice). Ticked boxes arrive as repeated `duties` fields (none ticked: no field).
 */
const dutyFields = {
  preset: z.union([z.literal(""), z.enum(PRESET_NAMES)], { error: "Vai trò có sẵn không hợp lệ." }).optional(),
  duties: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(DUTIES, { error: "Công việc không hợp lệ." }), { error: "Công việc không hợp lệ." }).max(DUTIES.length * 2, { error: "Công việc không hợp lệ." }),
  ),
};

function withDuties<T extends { preset?: "" | (typeof PRESET_NAMES)[number]; duties: Duty[]; agencyId?: number; agencyIdText?: string }>(
  v: T,
  ctx: z.RefinementCtx,
): Omit<T, "preset" | "duties" | "agencyId" | "agencyIdText"> & { duties: Duty[]; agency?: AgencyPick } {
  const { preset, duties, agencyId, agencyIdText, ...rest } = v;
  const chosen = normaliseDuties(preset ? PRESETS[preset] : duties);
  // An agency's account (decision 064): the duty alone, bound to one agency; nobody else is bound to one.
  if (!isAgencyDuties(chosen)) return { ...rest, duties: chosen };
  if (chosen.length > 1) ctx.addIssue({ code: "custom", path: ["duties"], message: "Cơ quan giải quyết là tài khoản riêng của cơ quan: không chọn kèm việc khác." });
  if (agencyId === undefined && !agencyIdText) ctx.addIssue({ code: "custom", path: ["agencyId"], message: "Vui lòng chọn cơ quan mà tài khoản trả lời thay." });
  return { ...rest, duties: chosen, ...(agencyId !== undefined ? { agency: { id: agencyId } } : agencyIdText ? { agency: { text: agencyIdText } } : {}) };
}

/**
 * The agency an agency's account answers for: its id as the choice box picked it, or without JavaScript the name
 * typed, which must name exactly one agency in reach (lib/users/mutations.ts).
 */
export type AgencyPick = { id: number } | { text: string };
const agencyId = z.preprocess((v) => (v === "" ? undefined : v), id("Cơ quan không hợp lệ.").optional());
const agencyIdText = z
  .string()
  .optional()
  .transform((v) => v?.normalize("NFC").trim() || undefined)
  .pipe(z.string().max(200, { error: "Tên cơ quan tối đa 200 ký tự." }).optional());

/**
 * A combination or at least one duty. Checked even when another field failed (zod's `when`), so
 * the form names every missing answer at once.
 */
const someDuty = {
  path: ["duties"],
  error: "Vui lòng chọn ít nhất một việc.",
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) => !payload.issues.some((i) => i.path?.[0] === "duties" || i.path?.[0] === "preset"),
};
// Also run on what failed the object's own checks (`when`), so on anything at all: null included.
const hasSomeDuty = (v: { preset?: string; duties?: readonly unknown[] } | null | undefined) => !!v?.preset || (v?.duties?.length ?? 0) > 0;
const unitId = id("Vui lòng chọn đơn vị.");
const userId = id("Mã người dùng không hợp lệ.");
const confirm = confirmField;

export const createUserSchema = z
  .object({ username: usernameSchema, displayName, ...dutyFields, agencyId, agencyIdText, unitId })
  .refine(hasSomeDuty, someDuty)
  .transform(withDuties);

/** `updatedAt` is the row's stamp when the form was drawn: a newer row means someone saved first. */
export const updateUserSchema = z.object({
  userId,
  displayName,
  ...dutyFields,
  agencyId,
  agencyIdText,
  unitId,
  updatedAt: z
    .string({ error: "Biểu mẫu đã cũ, vui lòng tải lại trang." })
    .transform((s) => new Date(s))
    .refine((d) => !Number.isNaN(d.getTime()), { error: "Biểu mẫu đã cũ, vui lòng tải lại trang." }),
})
  .refine(hasSomeDuty, someDuty)
  .transform(withDuties);

export const resetPasswordSchema = z.object({ userId });

export const setActiveSchema = z.object({
  userId,
  active: z.enum(["true", "false"], { error: "Thao tác không hợp lệ." }).transform((v) => v === "true"),
});

/** The forms add a ticked "I confirm" box. */
export const resetPasswordFormSchema = resetPasswordSchema.extend({ confirm });
export const setActiveFormSchema = setActiveSchema.extend({ confirm });

/**
 * Moving an account off a closed home unit (decision 055): `fromUnitId` is the home the page
 * showed, so a move made meanwhile by someone else is told, not overwritten.
 */
export const rehomeUserSchema = z.object({ userId, fromUnitId: id("Mã đơn vị không hợp lệ."), unitId: id("Vui lòng chọn đơn vị mới.") });
export const rehomeUserFormSchema = rehomeUserSchema.extend({ confirm });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Vui lòng nhập mật khẩu hiện tại." })
      .min(1, { error: "Vui lòng nhập mật khẩu hiện tại." })
      .max(PASSWORD_MAX, { error: "Mật khẩu hiện tại không đúng." }),
    newPassword: z
      .string({ error: "Vui lòng nhập mật khẩu mới." })
      .min(PASSWORD_MIN, { error: `Mật khẩu mới cần ít nhất ${PASSWORD_MIN} ký tự.` })
      .max(PASSWORD_MAX, { error: `Mật khẩu mới tối đa ${PASSWORD_MAX} ký tự.` }),
    confirmPassword: z.string({ error: "Vui lòng nhập lại mật khẩu mới." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "Mật khẩu nhập lại không khớp." });

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
export type SetActiveInput = z.output<typeof setActiveSchema>;
export type RehomeUserInput = z.output<typeof rehomeUserSchema>;
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
