/**
 * The figures a periodic report lists, each one a figure of the dashboards (lib/dashboards/types.ts
 * defines them; decision 014): a report reads them through `dashboardFor`, the reports page's and
 * /api/v1/rollup's one entry, so it can never count differently (decision 066).
 */
import type { CoverageKpis, Dashboard, Kpis } from "../dashboards/types";
import { formatNumber } from "../format";

type KpiFigure = { key: keyof Kpis & string; from: "kpis"; kind: "count" | "percent" | "days" };
type CoverageFigure = { key: keyof CoverageKpis & string; from: "coverage"; kind: "count" | "percent" };
export type Figure = KpiFigure | CoverageFigure;

/** Every figure a template may list, in the order a report shows them; grouped into the report's tables. */
export const FIGURES = [
  { key: "received", from: "kpis", kind: "count" },
  { key: "resolved", from: "kpis", kind: "count" },
  { key: "settled", from: "kpis", kind: "count" },
  { key: "explained", from: "kpis", kind: "count" },
  { key: "resolvedRate", from: "kpis", kind: "percent" },
  { key: "onTimeRate", from: "kpis", kind: "percent" },
  { key: "overdue", from: "kpis", kind: "count" },
  { key: "avgWorkingDaysToResolve", from: "kpis", kind: "days" },
  { key: "satisfactionRate", from: "kpis", kind: "percent" },
  { key: "teamMeetingsHeld", from: "kpis", kind: "count" },
  { key: "teamMeetingsExpected", from: "kpis", kind: "count" },
  { key: "teamMeetingCompliance", from: "kpis", kind: "percent" },
  { key: "briefingsHeld", from: "kpis", kind: "count" },
  { key: "briefingsExpected", from: "kpis", kind: "count" },
  { key: "cadresTrained", from: "kpis", kind: "count" },
  { key: "villages", from: "coverage", kind: "count" },
  { key: "villagesWithTeam", from: "coverage", kind: "count" },
  { key: "teamCoverage", from: "coverage", kind: "percent" },
  { key: "blocs", from: "coverage", kind: "count" },
  { key: "blocsHeadedByStandingDeputy", from: "coverage", kind: "count" },
] as const satisfies readonly Figure[];

export type FigureKey = (typeof FIGURES)[number]["key"];
export const FIGURE_KEYS = FIGURES.map((f) => f.key) as FigureKey[];

/** The report's tables: petitions, meetings, organisation; each figure in the first whose keys hold it. */
export const FIGURE_TABLES = [
  { key: "petitions", figures: ["received", "resolved", "settled", "explained", "resolvedRate", "onTimeRate", "overdue", "avgWorkingDaysToResolve", "satisfactionRate"] },
  { key: "meetings", figures: ["teamMeetingsHeld", "teamMeetingsExpected", "teamMeetingCompliance", "briefingsHeld", "briefingsExpected", "cadresTrained"] },
  { key: "organisation", figures: ["villages", "villagesWithTeam", "teamCoverage", "blocs", "blocsHeadedByStandingDeputy"] },
] as const satisfies readonly { key: string; figures: readonly FigureKey[] }[];

/** The figures stored on a report: a figure's value, or null where the dashboard has nothing to divide by. */
export type Figures = Partial<Record<FigureKey, number | null>>;

export function figureOf(key: string): (typeof FIGURES)[number] | undefined {
  return FIGURES.find((f) => f.key === key);
}

/** The listed figures of a dashboard, as a report stores them. */
export function figuresOfDashboard(dashboard: Pick<Dashboard, "kpis" | "coverage">, keys: readonly string[]): Figures {
  const out: Figures = {};
  for (const key of keys) {
    const figure = figureOf(key);
    if (!figure) continue;
    const value = figure.from === "kpis" ? dashboard.kpis[figure.key as keyof Kpis] : dashboard.coverage[figure.key as keyof CoverageKpis];
    out[figure.key as FigureKey] = value ?? null;
  }
  return out;
}

/** A stored figures object read back, keeping only known keys with numbers or null (the column is JSON). */
export function readFigures(raw: unknown): Figures {
  const out: Figures = {};
  if (!raw || typeof raw !== "object") return out;
  for (const [key, value] of Object.entries(raw)) {
    if (!figureOf(key)) continue;
    if (value === null || (typeof value === "number" && Number.isFinite(value))) out[key as FigureKey] = value;
  }
  return out;
}

/** A figure's value as a report writes it: counts whole, shares and days with one decimal; "–" for none. */
export function formatFigure(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return formatNumber(value, "vi", figureOf(key)?.kind === "count" ? 0 : 1);
}

/** The count figures of several reports added up: only counts, which add; a share or an average does not. */
export function sumCounts(all: readonly Figures[]): Figures {
  const out: Figures = {};
  for (const figure of FIGURES) {
    if (figure.kind !== "count") continue;
    const values = all.map((f) => f[figure.key]).filter((v): v is number => typeof v === "number");
    if (values.length) out[figure.key] = values.reduce((a, b) => a + b, 0);
  }
  return out;
}
