import type { Period } from "./types";
import { formatMonth } from "../format";
import { officeName } from "../units/labels";

/**
 * The office that reports a unit's period: the unit's office on the period's last day, or on `today`
 * (ISO) while the period runs. A report about 2024 is the Ban Dân vận's, one about 2026 the Ban Tuyên
 * giáo và Dân vận's (lib/units/labels.ts).
 */
export function reportingOffice(unit: Parameters<typeof officeName>[0], period: Pick<Period, "to">, today: string): string {
  return officeName(unit, period.to < today ? period.to : today);
}

type T = (key: string, values?: Record<string, string>) => string;
const ROMAN = ["I", "II", "III", "IV"];

/** "Tháng 03/2026", "Quý I/2026", "Năm 2026", "Từ tháng 01/2026 đến tháng 06/2026", told from the period itself. */
export function periodLabel(period: Period, t: T): string {
  const first = period.from.slice(0, 7);
  const last = period.to.slice(0, 7);
  const [year, month] = first.split("-").map(Number);
  if (period.months === 1) return t("period.labelMonth", { month: formatMonth(first) });
  if (period.months === 3 && (month - 1) % 3 === 0) return t("period.labelQuarter", { quarter: ROMAN[(month - 1) / 3], year: String(year) });
  if (period.months === 12 && month === 1) return t("period.labelYear", { year: String(year) });
  return t("period.labelCustom", { from: formatMonth(first), to: formatMonth(last) });
}
