/**
 * Spreadsheet formula injection: a text cell that starts with = + - @ (or a tab / carriage
 * return, which some programs skip before reading a formula) is run as a formula when the
 * file is opened. Prefixing an apostrophe makes it plain text. Every xlsx/csv export writes
 * its user-entered text through this.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = safeCell(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
