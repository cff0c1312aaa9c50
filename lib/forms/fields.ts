import { z } from "zod";

/**
 * Form fields shared by every feature's zod schemas, with their Vietnamese messages.
 * Form values arrive as strings; these coerce them.
 */

export const idField = (message = "Mã không hợp lệ.") =>
  z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });

export const versionField = z.coerce.number({ error: "Phiên bản không hợp lệ." }).int().min(0, { error: "Phiên bản không hợp lệ." });

/** A checkbox: present ("on") → true, absent → false. */
export const checkboxField = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

function isRealDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** "yyyy-mm-dd" (an <input type="date">) → the UTC midnight Prisma uses for @db.Date. */
export const isoDateField = (message = "Vui lòng chọn ngày.") =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })
    .refine(isRealDay, { error: "Ngày không hợp lệ." })
    .transform((s) => new Date(`${s}T00:00:00Z`));

/** Trimmed text, NFC, inner whitespace kept; empty → undefined. */
export const optionalTextField = (max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.normalize("NFC").trim() || undefined))
    .pipe(z.string().max(max, { error: message }).optional());

/** The "I confirm" box of a destructive form. */
export const confirmField = z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." });
