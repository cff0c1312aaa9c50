/**
 * `part / whole` in percent, rounded to one decimal; null when `whole` is 0. A share
 * below 100% never rounds up to 100 (999/1000 gives 99.9), so "100%" always means complete.
 * Pure and free of server imports, so that charts in the browser use the same rule.
 */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const value = Math.round((part / whole) * 1000) / 10;
  return part < whole && value >= 100 ? 99.9 : value;
}
