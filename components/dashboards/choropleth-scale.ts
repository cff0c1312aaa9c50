/**
 * The choropleth's classes and colours (decision 015). Pure, unit-tested.
 *
 * Quantile classes: the units are split into up to five groups of about the same size,
 * never splitting equal values, so each colour is used and a few children (a province's
 * nine districts) still spread over the scale. Each class is shown by the lowest and
 * highest value it actually holds, which reads better than computed thresholds.
 */

export interface ValueClass {
  min: number;
  max: number;
  /** How many units fall in it. */
  count: number;
}

export const MAX_CLASSES = 5;

export function quantileClasses(values: readonly number[], maxClasses = MAX_CLASSES): ValueClass[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (!n) return [];
  const k = Math.min(maxClasses, new Set(sorted).size);
  const classes: ValueClass[] = [];
  let start = 0;
  for (let i = 1; i <= k && start < n; i++) {
    let end = i === k ? n : Math.max(Math.round((i * n) / k), start + 1);
    // Equal values stay in one class.
    while (end < n && sorted[end] === sorted[end - 1]) end++;
    classes.push({ min: sorted[start], max: sorted[end - 1], count: end - start });
    start = end;
  }
  return classes;
}

/** The class a value falls in, or -1 (no value, or outside every class). */
export function classIndex(classes: readonly ValueClass[], value: number | null): number {
  if (value === null || !Number.isFinite(value)) return -1;
  return classes.findIndex((c) => value >= c.min && value <= c.max);
}

/**
 * ColorBrewer RdYlBu, from worse (red) to better (blue): told apart by the common forms
 * of colour blindness, unlike red–green. The legend names each class, so colour is never
 * the only carrier.
 */
const WORSE_TO_BETTER = ["#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6"];
const PICK: Record<number, number[]> = { 1: [3], 2: [1, 3], 3: [0, 2, 4], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4] };

/** One colour per class, lowest value first: worse to better when higher is better, the other way round otherwise. */
export function classColours(classCount: number, higherIsBetter: boolean): string[] {
  if (classCount <= 0) return [];
  const colours = PICK[Math.min(classCount, MAX_CLASSES)].map((i) => WORSE_TO_BETTER[i]);
  return higherIsBetter ? colours : colours.reverse();
}

export const NO_DATA_FILL = "#e7e5e4";

/**
 * The on-time map's three bands around a province's threshold (issue 14: by rank, 81,3 % was orange and
 * 81,4 % blue): below it; near it, from the threshold to `near` points above; above that.
 */
export type Band = "below" | "near" | "above";

export const BANDS: readonly Band[] = ["below", "near", "above"];

export function bandOf(value: number | null, threshold: number, near: number): Band | null {
  if (value === null || !Number.isFinite(value)) return null;
  return value < threshold ? "below" : value < threshold + near ? "near" : "above";
}

/** Red below, pale yellow near, blue above: the scale's two ends and its middle. */
export const BAND_COLOURS: Record<Band, string> = { below: WORSE_TO_BETTER[0], near: WORSE_TO_BETTER[2], above: WORSE_TO_BETTER[4] };
