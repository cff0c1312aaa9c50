/**
 * The reports page's URL: which unit, which period, which view, how the child table is
 * sorted and which KPI the map colours. A value that makes no sense falls back to the
 * default instead of failing, so that a stale shared link still opens; a custom range that
 * cannot be read is reported (`periodError`) and the default period shown. The default is
 * the year so far: on the first of a month the month alone is empty. Pure.
 */
import { z } from "zod";
import { idField, parseIsoDay } from "../forms/fields";
import { parsePeriod, periodContaining, PeriodError, lastDayOfMonth } from "./period";
import { KPI_COLUMNS, type KpiKey } from "./columns";
import type { DashboardView, Period } from "./types";

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month whose first day lies in the shared date range (a year 0000 was a 500). */
const month = z
  .string()
  .regex(MONTH)
  .refine((m) => parseIsoDay(`${m}-01`) !== null);
const kpiKeys = KPI_COLUMNS.map((c) => c.key) as [KpiKey, ...KpiKey[]];

const schema = z.object({
  unit: idField().optional().catch(undefined),
  period: z.enum(PERIOD_KINDS).catch("year"),
  /** A month inside the month, quarter or year shown ("YYYY-MM"). */
  at: month.optional().catch(undefined),
  /** Custom periods: first and last month ("YYYY-MM"). */
  from: month.optional().catch(undefined),
  to: month.optional().catch(undefined),
  view: z.enum(["historical", "restated"]).catch("restated"),
  sort: z.enum(["name", ...kpiKeys]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  map: z.enum(kpiKeys).catch("onTimeRate"),
});

export interface ReportParams {
  /** Undefined: the actor's own unit. */
  unit?: number;
  kind: PeriodKind;
  /** The month the period is anchored on ("YYYY-MM"): for custom periods, the first month. */
  at: string;
  /** Custom periods only: the last month. */
  to: string;
  period: Period;
  /** Set when a custom range was given but could not be used. */
  periodError?: string;
  /** The custom range as typed, kept for the form when it could not be used. */
  typed?: { from: string; to: string };
  view: DashboardView;
  sort: "name" | KpiKey;
  dir: "asc" | "desc";
  map: KpiKey;
}

const monthOf = (day: Date) => day.toISOString().slice(0, 7);

export function parseReportParams(raw: Record<string, string | string[] | undefined>, today: Date): ReportParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v === "" ? undefined : v]));
  const p = schema.parse(flat);
  const at = p.at ?? monthOf(today);
  const base = { unit: p.unit, view: p.view, sort: p.sort, dir: p.dir, map: p.map };
  if (p.period === "custom") {
    const from = p.from ?? at;
    const to = p.to ?? from;
    try {
      return { ...base, kind: "custom", at: from, to, period: parsePeriod(`${from}-01`, lastDayOfMonth(`${to}-01`)) };
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      const fallback = periodContaining(today, "year");
      return { ...base, kind: "year", at: monthOf(today), to: fallback.to.slice(0, 7), period: fallback, periodError: error.message.replace(/^(from|to): /, ""), typed: { from, to } };
    }
  }
  const period = periodContaining(new Date(`${at}-01T00:00:00Z`), p.period);
  return { ...base, kind: p.period, at, to: period.to.slice(0, 7), period };
}

/**
 * The report of a unit that closed into the one shown (decision 057), as the units were: for the period
 * shown while it overlaps the unit's life, else for the year of its last day.
 */
export function predecessorQuery(params: ReportParams, predecessor: { id: number; validTo: string | null }): string {
  const ended = predecessor.validTo !== null && predecessor.validTo < params.period.from;
  const period = ended ? { kind: "year" as const, at: predecessor.validTo!.slice(0, 7) } : {};
  return reportQuery(params, { unit: predecessor.id, view: "historical", ...period });
}

/** The params back as a query string (defaults left out), with some of them changed. */
export function reportQuery(params: ReportParams, change: Partial<Pick<ReportParams, "unit" | "view" | "sort" | "dir" | "map" | "kind" | "at">> = {}): string {
  const next = { ...params, ...change };
  const q = new URLSearchParams();
  if (next.unit !== undefined) q.set("unit", String(next.unit));
  if (next.kind !== "year") q.set("period", next.kind);
  q.set(next.kind === "custom" ? "from" : "at", next.at);
  if (next.kind === "custom") q.set("to", next.to);
  if (next.view !== "restated") q.set("view", next.view);
  if (next.sort !== "name") q.set("sort", next.sort);
  if (next.dir !== "asc") q.set("dir", next.dir);
  if (next.map !== "onTimeRate") q.set("map", next.map);
  return q.toString();
}
