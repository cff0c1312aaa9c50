/**
 * fast-check arbitraries for the inputs an attacker chooses: form and URL values that are
 * strings (with NUL bytes, huge integers, impossible dates, odd Unicode), arrays of them, or
 * anything at all. Shared by the *.property.test.ts files.
 */
import fc from "fast-check";

/** Strings that broke something once, and their neighbours. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "2147483647",
  "2147483648",
  "99999999999",
  "-1",
  "0",
  "1e308",
  "NaN",
  "Infinity",
  "0x10",
  "0000-01-01",
  "0001-01-01",
  "2026-02-30",
  "+275760-09-13",
  "9999-12-31",
  "2026-13",
  "on",
  "true",
  "__proto__",
  "constructor",
  "WyJnYXJiYWdlIiwxXQ",
  "id:2147483648",
  "Nguyễn Văn Đức",
  "\uD800",
  "x".repeat(5000),
];

/** One value of a form field or URL parameter. */
export const fieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A record of search params or form fields: the known names with odd values, plus strangers. */
export function paramsFor(keys: readonly string[]) {
  const known = fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue])), { requiredKeys: [] });
  const extra = fc.dictionary(fc.string({ maxLength: 10 }), fieldValue, { maxKeys: 3 });
  return fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...a }) as Record<string, string | string[] | undefined>);
}

/** Anything at all, for schemas fed by JSON or by code. */
export const anyValue = fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true });
