/**
 * The scoring pages' URLs (decision 078): `unit`, `period` ("2026", "2026-H1" …), `page`, `weakest=1`; a
 * village's sheet: `village`, `period`. Anything malformed falls back to the default, never an error. Pure.
 */
import { MAX_PAGE_NUMBER, parseId } from "../forms/fields";
import { parseReportPeriod, type ReportPeriod } from "../periodic-reports/period";

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface ScoringParams {
  unit: number | null;
  period: ReportPeriod;
  /** Whether the URL named the period (else the default: the latest scored, or this year). */
  periodGiven: boolean;
  page: number;
  weakestOnly: boolean;
}

export function parseScoringParams(raw: Raw, today: Date): ScoringParams {
  const period = parseReportPeriod(one(raw.period));
  const page = Number(one(raw.page));
  return {
    unit: parseId(one(raw.unit)),
    period: period ?? parseReportPeriod(String(today.getUTCFullYear()))!,
    periodGiven: period !== null,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE_NUMBER ? page : 1,
    weakestOnly: one(raw.weakest) === "1",
  };
}

export function scoringQuery(p: { unit?: number | null; period: string; page?: number; weakestOnly?: boolean }): string {
  const q = new URLSearchParams();
  if (p.unit) q.set("unit", String(p.unit));
  q.set("period", p.period);
  if (p.page && p.page > 1) q.set("page", String(p.page));
  if (p.weakestOnly) q.set("weakest", "1");
  return q.toString();
}

/** The periods offered to choose from: those scored, this year's and last year's, their halves. */
export function periodChoices(scored: string[], today: Date): string[] {
  const year = today.getUTCFullYear();
  const usual = [String(year), `${year}-H2`, `${year}-H1`, String(year - 1), `${year - 1}-H2`, `${year - 1}-H1`];
  return [...new Set([...scored, ...usual])].filter((k) => parseReportPeriod(k) !== null);
}
