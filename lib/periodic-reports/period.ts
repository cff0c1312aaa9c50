/**
 * The periods a periodic report covers, named as the API and the URLs name them: "2026-11" (a month),
 * "2026-Q4" (a quarter), "2026-H1" / "2026-H2" (six months), "2026" (a year). Each is a run of whole
 * months, so the dashboards' figures of the same months are the report's (lib/dashboards). Pure.
 */
import type { ReportPeriodKind } from "../generated/prisma/enums";
import type { Period } from "../dashboards/types";

export const REPORT_PERIOD_KINDS = ["MONTH", "QUARTER", "HALF", "YEAR"] as const satisfies readonly ReportPeriodKind[];

/** A period key as typed: checked by shape first (no work on anything else), then by its year. */
export const PERIOD_KEY_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export interface ReportPeriod extends Period {
  kind: ReportPeriodKind;
  /** "2026-11", "2026-Q4", "2026-H2", "2026". */
  key: string;
  year: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(kind: ReportPeriodKind, key: string, year: number, firstMonth: number, months: number): ReportPeriod {
  const lastMonth = firstMonth + months - 1;
  return { kind, key, year, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`, months };
}

/** The period a key names, or null when it names none (a malformed key, a year outside 2000–2100). */
export function parseReportPeriod(raw: unknown): ReportPeriod | null {
  if (typeof raw !== "string" || raw.length > 7) return null;
  const m = PERIOD_KEY_PATTERN.exec(raw);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2]) return span("MONTH", raw, year, Number(m[2]), 1);
  if (m[3]) return span("QUARTER", raw, year, (Number(m[3]) - 1) * 3 + 1, 3);
  if (m[4]) return span("HALF", raw, year, m[4] === "1" ? 1 : 7, 6);
  return span("YEAR", raw, year, 1, 12);
}

/** The key of the period of `kind` that holds the month of `day` (a UTC-midnight day in Vietnam). */
export function periodKeyContaining(kind: ReportPeriodKind, day: Date): string {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  if (kind === "MONTH") return `${year}-${pad(month)}`;
  if (kind === "QUARTER") return `${year}-Q${Math.ceil(month / 3)}`;
  if (kind === "HALF") return `${year}-H${month <= 6 ? 1 : 2}`;
  return String(year);
}

/** The period of the same kind just before (`2026-01` → `2025-12`, `2026-Q1` → `2025-Q4`). */
export function previousReportPeriod(period: ReportPeriod): ReportPeriod {
  const before = new Date(`${period.from}T00:00:00Z`);
  before.setUTCDate(0);
  return parseReportPeriod(periodKeyContaining(period.kind, before))!;
}

/** The last period of `kind` that has ended by `today`: the one a unit writes its report about. */
export function lastEndedPeriod(kind: ReportPeriodKind, today: Date): ReportPeriod {
  const current = parseReportPeriod(periodKeyContaining(kind, today))!;
  return previousReportPeriod(current);
}

/** The periods of `kind` that have ended by `today`, newest first, `count` of them. */
export function endedPeriods(kind: ReportPeriodKind, today: Date, count: number): ReportPeriod[] {
  const out = [lastEndedPeriod(kind, today)];
  while (out.length < count && out.at(-1)!.year > MIN_YEAR) out.push(previousReportPeriod(out.at(-1)!));
  return out;
}

/**
 * The day a report is due: `deadlineDay` of the month after the period's last month (the 20th, say),
 * or that month's last day when it has fewer days.
 */
export function dueOnOf(period: Pick<ReportPeriod, "to">, deadlineDay: number): Date {
  const [year, month] = period.to.split("-").map(Number);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return new Date(Date.UTC(next.year, next.month - 1, Math.min(deadlineDay, lastDay(next.year, next.month))));
}

const ROMAN = ["I", "II", "III", "IV"];

/** The period as a Party report's title names it: "tháng 11/2026", "quý IV/2026", "6 tháng đầu năm 2026", "năm 2026". */
export function reportPeriodLabel(period: Pick<ReportPeriod, "kind" | "key" | "year">): string {
  const m = PERIOD_KEY_PATTERN.exec(period.key)!;
  if (period.kind === "MONTH") return `tháng ${m[2]}/${period.year}`;
  if (period.kind === "QUARTER") return `quý ${ROMAN[Number(m[3]) - 1]}/${period.year}`;
  if (period.kind === "HALF") return m[4] === "1" ? `6 tháng đầu năm ${period.year}` : `6 tháng cuối năm ${period.year}`;
  return `năm ${period.year}`;
}

/** The report period that is exactly these months (a month, quarter, half or year), or null for any other run. */
export function reportPeriodOf(period: Pick<Period, "from" | "months">): ReportPeriod | null {
  const [year, month] = period.from.split("-").map(Number);
  const key =
    period.months === 1
      ? period.from.slice(0, 7)
      : period.months === 3 && (month - 1) % 3 === 0
        ? `${year}-Q${(month - 1) / 3 + 1}`
        : period.months === 6 && (month === 1 || month === 7)
          ? `${year}-H${month === 1 ? 1 : 2}`
          : period.months === 12 && month === 1
            ? String(year)
            : null;
  return key ? parseReportPeriod(key) : null;
}
