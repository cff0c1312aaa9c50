/**
 * Keyset pagination for `{ items, nextCursor }` lists. A cursor is the sort key of the last
 * item of a page, as base64url JSON: opaque to clients, checked with a zod schema when it
 * comes back (a tampered or stale cursor is a 400, never a crash).
 */
import { z } from "zod";
import { hasControlCharacters, MAX_INT } from "../forms/fields";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key inside a cursor, or null when it is not one of ours or does not fit the schema. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length > 2000) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!storable(value)) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * True when every value in the key could go into a query: numbers within PostgreSQL's
 * integer, text without control characters. Our keys are only such values; a forged one that
 * is not would otherwise reach the database as an error (issue 12).
 */
function storable(value: unknown): boolean {
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= MAX_INT;
  if (typeof value === "string") return !hasControlCharacters(value);
  if (Array.isArray(value)) return value.every(storable);
  if (typeof value === "object") return Object.values(value).every(storable);
  return false;
}

/**
 * The page from rows fetched with `take: limit + 1`: the extra row only says that there is a
 * next page, whose cursor is the key of the last row shown.
 */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => unknown, toItem: (row: R) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const nextCursor = rows.length > limit && shown.length > 0 ? encodeCursor(keyOf(shown[shown.length - 1])) : null;
  return { items: shown.map(toItem), nextCursor };
}

const LIMIT_MESSAGE = "limit phải là số nguyên từ 1 đến 200.";

/** Query parameters every list accepts: `limit` (1–200, default 50) and `cursor`. */
export const pageParams = {
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(MAX_LIMIT, { error: LIMIT_MESSAGE })
    .default(DEFAULT_LIMIT)
    .meta({ description: "Items per page." }),
  cursor: z
    .string()
    .min(1, { error: "cursor không được để trống." })
    .optional()
    .meta({ description: "The `nextCursor` of the previous page; opaque." }),
};

/** A cursor that does not decode: the same 400 as any other bad parameter. */
export class InvalidCursorError extends Error {
  constructor() {
    super("cursor không hợp lệ cho danh sách này.");
    this.name = "InvalidCursorError";
  }
}

/** Decodes a list's cursor (undefined → first page) or throws InvalidCursorError. */
export function readCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor, schema);
  if (key === null) throw new InvalidCursorError();
  return key;
}
