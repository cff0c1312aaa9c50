import { z } from "zod";

/**
 * Form fields shared by every feature's zod schemas, with their Vietnamese messages, and the
 * input rules every route, list URL and schema shares (decision 021): ids fit PostgreSQL's
 * integer, days lie in a range PostgreSQL and people can mean, text carries no control
 * characters. Form values arrive as strings; these coerce them.
 */

/** PostgreSQL's integer: every id column, so every id a URL or a form may name. */
export const MAX_INT = 2_147_483_647;

/**
 * An id from a URL segment or query parameter: 1 to 2^31−1, written in plain digits. Anything
 * else names no record, so the caller answers "not found" (never a database error).
 */
export function parseId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= MAX_INT ? id : null;
}

/** The highest page number an offset-paged list accepts (its offset must stay an integer); past it, page 1. */
export const MAX_PAGE_NUMBER = 100_000;

export const idField = (message = "Mã không hợp lệ.") =>
  z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }).max(MAX_INT, { error: message });

export const versionField = z.coerce
  .number({ error: "Phiên bản không hợp lệ." })
  .int({ error: "Phiên bản không hợp lệ." })
  .min(0, { error: "Phiên bản không hợp lệ." })
  .max(MAX_INT, { error: "Phiên bản không hợp lệ." });

/** A checkbox: present ("on") → true, absent → false. */
export const checkboxField = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/**
 * The days any date may name, in forms and in URLs. PostgreSQL has no year 0 (the attack's
 * "0000-01-01" was a 500), and nothing this app records lies outside these years.
 */
export const EARLIEST_DAY = new Date("1900-01-01T00:00:00Z");
export const LATEST_DAY = new Date("2100-12-31T00:00:00Z");

function isRealDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** "yyyy-mm-dd", a real day between EARLIEST_DAY and LATEST_DAY, as UTC midnight; else null. */
export function parseIsoDay(raw: unknown): Date | null {
  if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isRealDay(raw)) return null;
  const day = new Date(`${raw}T00:00:00Z`);
  return day >= EARLIEST_DAY && day <= LATEST_DAY ? day : null;
}

/**
 * A day in a URL filter, kept as its "yyyy-mm-dd" text; `name` starts the message (the API's 400 names the parameter).
 * `format: "date"` is what the OpenAPI document says of it (lib/api/openapi-zod.ts).
 */
export const isoDayParam = (name: string) =>
  z
    .string()
    .refine((s) => parseIsoDay(s) !== null, { error: `${name}: một ngày có thật dạng YYYY-MM-DD, từ năm 1900 đến 2100.` })
    .meta({ format: "date" });

const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

/**
 * "yyyy-mm-dd" (an <input type="date">) → the UTC midnight Prisma uses for @db.Date. `range`
 * narrows the shared one; its bounds are functions, computed when the form is parsed (today
 * moves).
 */
export const isoDateField = (message = "Vui lòng chọn ngày.", range: { min?: () => Date; max?: () => Date } = {}) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })
    .refine(isRealDay, { error: "Ngày không hợp lệ." })
    .transform((s, ctx) => {
      const day = new Date(`${s}T00:00:00Z`);
      const min = range.min?.() ?? EARLIEST_DAY;
      const max = range.max?.() ?? LATEST_DAY;
      if (day < min || day > max || parseIsoDay(s) === null) {
        ctx.addIssue({ code: "custom", message: `Ngày phải từ ${ddmmyyyy(min)} đến ${ddmmyyyy(max)}.` });
        return z.NEVER;
      }
      return day;
    });

/**
 * Text as the database can keep it: NUL (which PostgreSQL's text refuses) and the other
 * control characters removed; tabs and line breaks kept.
 */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** True when the text holds a character `cleanText` would remove. */
export function hasControlCharacters(text: string): boolean {
  return cleanText(text) !== text;
}

/** Trimmed text, NFC, inner whitespace kept; empty → undefined. */
export const optionalTextField = (max: number, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : cleanText(v).normalize("NFC").trim() || undefined))
    .pipe(z.string().max(max, { error: message }).optional());

/** The "I confirm" box of a destructive form. */
export const confirmField = z.literal("on", { error: "Vui lòng đánh dấu ô xác nhận." });
