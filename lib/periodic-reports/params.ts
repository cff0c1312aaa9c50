/**
 * The periodic reports pages' URLs: which unit, which period, and for the list of the units below, the
 * filter, sort and page. A value that makes no sense falls back to the default (a stale link still opens);
 * a period that cannot be read is said so. Pure.
 */
import { z } from "zod";
import { idField, MAX_PAGE_NUMBER } from "../forms/fields";
import { endedPeriods, lastEndedPeriod, parseReportPeriod, type ReportPeriod } from "./period";
import { STANDINGS, type Standing } from "./standing";
import { REPORT_PERIOD_KINDS } from "./period";

export const CHILD_SORTS = ["name", "standing", "submitted"] as const;
export const CHILDREN_PER_PAGE = 50;

const schema = z.object({
  unit: idField().optional().catch(undefined),
  standing: z.enum(STANDINGS).optional().catch(undefined),
  sort: z.enum(CHILD_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(MAX_PAGE_NUMBER).catch(1),
});

export interface PeriodicParams {
  unit?: number;
  period: ReportPeriod;
  /** Set when a period was given but named none. */
  periodInvalid: boolean;
  standing?: Standing;
  sort: (typeof CHILD_SORTS)[number];
  dir: "asc" | "desc";
  page: number;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parsePeriodicParams(raw: Record<string, string | string[] | undefined>, today: Date): PeriodicParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)]));
  const p = schema.parse(flat);
  const given = flat.period;
  const period = parseReportPeriod(given);
  return { ...p, period: period ?? lastEndedPeriod("MONTH", today), periodInvalid: given !== undefined && given !== "" && !period };
}

export function periodicQuery(p: Pick<PeriodicParams, "unit" | "period"> & Partial<PeriodicParams>, change: Partial<Record<"standing" | "sort" | "dir" | "page", string | number | undefined>> = {}): string {
  const q = new URLSearchParams();
  if (p.unit) q.set("unit", String(p.unit));
  q.set("period", p.period.key);
  const merged = { standing: p.standing, sort: p.sort, dir: p.dir, page: p.page, ...change };
  if (merged.standing) q.set("standing", String(merged.standing));
  if (merged.sort && merged.sort !== "name") q.set("sort", String(merged.sort));
  if (merged.dir && merged.dir !== "asc") q.set("dir", String(merged.dir));
  if (merged.page && Number(merged.page) > 1) q.set("page", String(merged.page));
  return q.toString();
}

/** The periods offered in the choice, by kind: the last twelve months, eight quarters, four halves, three years that have ended. */
export function periodChoices(today: Date): { kind: (typeof REPORT_PERIOD_KINDS)[number]; periods: ReportPeriod[] }[] {
  const counts = { MONTH: 12, QUARTER: 8, HALF: 4, YEAR: 3 } as const;
  return REPORT_PERIOD_KINDS.map((kind) => ({ kind, periods: endedPeriods(kind, today, counts[kind]) }));
}

const ORDER: Record<Standing, number> = { missing: 0, late: 1, pending: 2, onTime: 3 };

/** The rows of the units below, filtered, sorted and cut to a page. */
export function pageOfRows<R extends { unit: { name: string; id: number }; standing: Standing; submittedAt: Date | null }>(rows: R[], p: Pick<PeriodicParams, "standing" | "sort" | "dir" | "page">) {
  const kept = p.standing ? rows.filter((r) => r.standing === p.standing) : rows;
  const sign = p.dir === "desc" ? -1 : 1;
  const byName = (a: R, b: R) => a.unit.name.localeCompare(b.unit.name, "vi") || a.unit.id - b.unit.id;
  const sorted = [...kept].sort((a, b) => {
    if (p.sort === "standing") return sign * (ORDER[a.standing] - ORDER[b.standing]) || byName(a, b);
    if (p.sort === "submitted") return sign * ((a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) || 0) || byName(a, b);
    return sign * byName(a, b);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / CHILDREN_PER_PAGE));
  const page = Math.min(p.page, pages);
  return { rows: sorted.slice((page - 1) * CHILDREN_PER_PAGE, page * CHILDREN_PER_PAGE), page, pages, total: kept.length };
}
