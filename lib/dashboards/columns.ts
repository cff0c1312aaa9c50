/**
 * The KPIs a report shows as columns (the child table, the map's choice, the xlsx), in
 * order, with how each is written and which way is better. Labels live in the messages
 * (`reports.kpi.<key>`). Pure: used on the server and in the export.
 */
import { formatNumber } from "../format";
import type { Locale } from "../i18n/config";
import type { Kpis } from "./types";

export type KpiKey =
  | "received"
  | "resolved"
  | "resolvedRate"
  | "settledRate"
  | "explainedRate"
  | "onTimeRate"
  | "overdue"
  | "avgWorkingDaysToResolve"
  | "satisfactionRate"
  | "reopened"
  | "escalated"
  | "teamMeetingCompliance"
  | "briefingCompliance"
  | "cadresTrained"
  | "modelsRegistered"
  | "modelsRecognised"
  | "averageVillageScore";

export interface KpiColumn {
  key: KpiKey;
  /** How the value reads: a count, a share in percent, or working days. */
  kind: "count" | "percent" | "days" | "score";
  /** Which way is better, for the map's colours and the arrows; null when neither is. */
  higherIsBetter: boolean | null;
}

export const KPI_COLUMNS: readonly KpiColumn[] = [
  { key: "received", kind: "count", higherIsBetter: null },
  { key: "resolved", kind: "count", higherIsBetter: true },
  { key: "resolvedRate", kind: "percent", higherIsBetter: true },
  { key: "settledRate", kind: "percent", higherIsBetter: true },
  { key: "explainedRate", kind: "percent", higherIsBetter: false },
  { key: "onTimeRate", kind: "percent", higherIsBetter: true },
  { key: "overdue", kind: "count", higherIsBetter: false },
  { key: "avgWorkingDaysToResolve", kind: "days", higherIsBetter: false },
  { key: "satisfactionRate", kind: "percent", higherIsBetter: true },
  { key: "reopened", kind: "count", higherIsBetter: false },
  { key: "escalated", kind: "count", higherIsBetter: null },
  { key: "teamMeetingCompliance", kind: "percent", higherIsBetter: true },
  { key: "briefingCompliance", kind: "percent", higherIsBetter: true },
  { key: "cadresTrained", kind: "count", higherIsBetter: true },
  { key: "modelsRegistered", kind: "count", higherIsBetter: true },
  { key: "modelsRecognised", kind: "count", higherIsBetter: true },
  { key: "averageVillageScore", kind: "score", higherIsBetter: true },
];

export const kpiColumn = (key: KpiKey): KpiColumn => KPI_COLUMNS.find((c) => c.key === key)!;

/** "1.234", "98,5%", "12,3" (working days); an empty figure is "—". */
export function formatKpi(value: number | null, kind: KpiColumn["kind"], locale: Locale = "vi"): string {
  if (value === null) return "—";
  if (kind === "percent") return `${formatNumber(value, locale, 1)}%`;
  return formatNumber(value, locale, kind === "days" || kind === "score" ? 1 : 0);
}

/** The default on-time share below which a unit stands out, until its province sets its own. */
export const DEFAULT_ON_TIME_THRESHOLD = 80;

/** The figure the threshold applies to: a row below it stands out by this column. */
export const THRESHOLD_KPI = "onTimeRate" satisfies KpiKey;

/**
 * Fewer resolved petitions than this are too few to judge a unit's on-time share by: with 4, one late
 * petition moves it by 25 points (issue 14: a village with one resolved petition was marked red).
 */
export const MIN_RESOLVED_TO_JUDGE = 5;

/** Points above the threshold that are still "near" it: the on-time map's middle band. */
export const NEAR_THRESHOLD_POINTS = 5;

/**
 * How a unit stands against the on-time threshold: "below" it (it stands out), "tooFew" resolved
 * petitions to judge by, or null (at or above it, or nothing resolved to measure).
 */
export function thresholdStanding(kpis: Kpis, threshold: number): "below" | "tooFew" | null {
  const value = kpis[THRESHOLD_KPI];
  if (value === null) return null;
  if (kpis.resolved < MIN_RESOLVED_TO_JUDGE) return "tooFew";
  return value < threshold ? "below" : null;
}

/** Sorts child rows by a KPI or by name; empty figures go last in either direction. */
export function sortRows<T extends { unit: { name: string; id: number }; kpis: Kpis }>(rows: readonly T[], sort: "name" | KpiKey, dir: "asc" | "desc"): T[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * a.unit.name.localeCompare(b.unit.name, "vi") || a.unit.id - b.unit.id;
    const x = a.kpis[sort];
    const y = b.kpis[sort];
    if (x === null || y === null) return x === y ? a.unit.id - b.unit.id : x === null ? 1 : -1;
    return sign * (x - y) || a.unit.name.localeCompare(b.unit.name, "vi");
  });
}
