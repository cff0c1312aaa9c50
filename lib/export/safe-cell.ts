/**
 * A text cell a spreadsheet will not run: values starting with = + - @ (or a tab or
 * carriage return that hides one) get a leading apostrophe, so they stay text (CSV
 * injection). Numbers and dates are written as such and never need it.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = safeCell(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
