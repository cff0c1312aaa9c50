/**
 * The scoring sheet's arithmetic (decision 078), pure: a template's sections of criteria, the bounds of a
 * criterion's points, the automatic criteria's points, and a sheet's totals. Used by the mutations, the
 * ranking's export and the tests (which check it against a computation of their own).
 */
import { z } from "zod";

/** Criteria the app fills from its own data; the others are typed. */
export const AUTO_KINDS = ["TEAM_MEETINGS", "PETITIONS_ON_TIME"] as const;
export type AutoKind = (typeof AUTO_KINDS)[number];

/** Limits of a template, checked before anything is stored. */
export const MAX_CRITERIA = 100;
export const MAX_SECTIONS = 20;
export const MAX_POINTS = 1000;
export const MAX_WEIGHT = 100;
export const LABEL_MAX = 300;
export const NAME_MAX = 200;
/** The weakest share a province may set, in percent of its villages. */
export const DEFAULT_WEAKEST_SHARE = 20;

/** Points and weights carry at most two decimals (2,5 points; a weight of 1,25). */
const twoDecimals = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;
export const round2 = (x: number) => Math.round(x * 100) / 100;

export const criterionSchema = z.object({
  key: z.string().regex(/^c\d{1,3}$/),
  label: z.string().min(1).max(LABEL_MAX),
  max: z.number().positive().max(MAX_POINTS).refine(twoDecimals),
  weight: z.number().positive().max(MAX_WEIGHT).refine(twoDecimals),
  auto: z.enum(AUTO_KINDS).nullable(),
});
export const sectionsSchema = z
  .array(z.object({ title: z.string().min(1).max(LABEL_MAX), criteria: z.array(criterionSchema).min(1) }))
  .min(1)
  .max(MAX_SECTIONS)
  .refine((s) => s.reduce((n, x) => n + x.criteria.length, 0) <= MAX_CRITERIA);

export type Criterion = z.output<typeof criterionSchema>;
export type TemplateSections = z.output<typeof sectionsSchema>;

export const criteriaOf = (sections: TemplateSections): Criterion[] => sections.flatMap((s) => s.criteria);

/** A template's stored sections, read back (a stored value that no longer parses is a defect, not a user's error). */
export function readSections(json: unknown): TemplateSections {
  return sectionsSchema.parse(json);
}

/**
 * Sections from the form's rows in order: consecutive rows with the same section title make one section;
 * criteria keys are given in order, c1, c2, … (a version's keys; a sheet names its points by them).
 */
export function sectionsOfRows(rows: { section: string; label: string; max: number; weight: number; auto: AutoKind | null }[]): TemplateSections {
  const sections: TemplateSections = [];
  rows.forEach((r, i) => {
    const last = sections.at(-1);
    const criterion = { key: `c${i + 1}`, label: r.label, max: r.max, weight: r.weight, auto: r.auto };
    if (last && last.title === r.section) last.criteria.push(criterion);
    else sections.push({ title: r.section, criteria: [criterion] });
  });
  return sections;
}

/** The data an automatic criterion is filled from, for one village and period. */
export interface AutoInputs {
  /** Monthly team meetings held and expected in the months of the period that have ended. */
  teamsHeld: number;
  teamsExpected: number;
  /** The village's petitions resolved in the period, and those of them resolved by their deadline. */
  resolved: number;
  resolvedOnTime: number;
}

/**
 * An automatic criterion's points: its maximum times the share achieved, two decimals. No meeting expected
 * (no team) earns nothing; no petition resolved earns the maximum (nothing was late).
 */
export function autoPoints(kind: AutoKind, max: number, inputs: AutoInputs): number {
  if (kind === "TEAM_MEETINGS") return inputs.teamsExpected > 0 ? round2((max * Math.min(inputs.teamsHeld, inputs.teamsExpected)) / inputs.teamsExpected) : 0;
  return inputs.resolved > 0 ? round2((max * Math.min(inputs.resolvedOnTime, inputs.resolved)) / inputs.resolved) : max;
}

export type BoundsError = { key: string; message: string };

/** The typed points checked against the template: present, between 0 and the maximum, two decimals. */
export function checkPoints(criteria: Criterion[], typed: Record<string, number | undefined>): BoundsError[] {
  const errors: BoundsError[] = [];
  for (const c of criteria) {
    if (c.auto) continue;
    const v = typed[c.key];
    if (v === undefined || !Number.isFinite(v)) errors.push({ key: c.key, message: "Vui lòng nhập điểm." });
    else if (v < 0 || v > c.max) errors.push({ key: c.key, message: `Điểm phải từ 0 đến ${String(c.max).replace(".", ",")}.` });
    else if (!twoDecimals(v)) errors.push({ key: c.key, message: "Điểm có tối đa hai chữ số thập phân." });
  }
  return errors;
}

export interface Totals {
  total: number;
  maxTotal: number;
  /** total / maxTotal × 100, two decimals. */
  percent: number;
}

/** A sheet's totals: Σ points × weight against Σ maximum × weight. */
export function totalsOf(criteria: Criterion[], points: Record<string, number>): Totals {
  let total = 0;
  let maxTotal = 0;
  for (const c of criteria) {
    total += (points[c.key] ?? 0) * c.weight;
    maxTotal += c.max * c.weight;
  }
  total = round2(total);
  maxTotal = round2(maxTotal);
  return { total, maxTotal, percent: maxTotal > 0 ? round2((total / maxTotal) * 100) : 0 };
}

/** How many of `n` ranked villages the weakest share marks: rounded up, so a share above 0 marks at least one. */
export function weakestCount(n: number, share: number): number {
  // Whole numbers throughout: n × share is exact, and so is the rounding up.
  return Math.floor((n * share + 99) / 100);
}
