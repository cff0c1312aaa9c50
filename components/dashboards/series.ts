/**
 * Shaping the rollup's monthly figures for the charts: plain, serialisable rows in
 * (`{ month: "YYYY-MM", … }`), one row per month out, with the months that have no row
 * filled with zeros so that a quiet month shows as a dip, not as a gap. Pure.
 */
import type { PetitionStatus, ResolutionKind } from "@/lib/generated/prisma/enums";
import { PETITION_STATUSES } from "@/lib/petitions/labels";
import { percent } from "@/lib/percent";

/** Petitions of one field in one month. */
export interface PetitionTrendRow {
  month: string;
  fieldId: number;
  /** Received in the month. */
  received: number;
  /** Resolved in the month (whenever they were received). */
  resolved: number;
}

export interface MeetingComplianceRow {
  month: string;
  /** Meetings held in the month. */
  held: number;
  /** Meetings expected in the month (one per team for the monthly team meeting). */
  expected: number;
}

export interface PetitionStatusItem {
  status: PetitionStatus;
  /** For RESOLVED and CLOSED: settled for good or only explained; one item each. */
  resolution?: ResolutionKind | null;
  count: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Every month from `first` to `last`, both included ("2025-11", "2025-12", "2026-01", …). */
export function monthsBetween(first: string, last: string): string[] {
  const a = MONTH.exec(first);
  const b = MONTH.exec(last);
  if (!a || !b) throw new Error(`Tháng không hợp lệ: ${first}, ${last} (cần dạng YYYY-MM)`);
  const out: string[] = [];
  for (let n = Number(a[1]) * 12 + Number(a[2]) - 1, end = Number(b[1]) * 12 + Number(b[2]) - 1; n <= end; n++) {
    out.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** The given months, or the span of the rows' months. */
function span(rows: readonly { month: string }[], months?: readonly string[]): string[] {
  if (months) return [...months];
  if (!rows.length) return [];
  const sorted = rows.map((r) => r.month).sort();
  return monthsBetween(sorted[0], sorted[sorted.length - 1]);
}

/** Received and resolved per month, for one field or (fieldId null) all of them. */
export function trendSeries(rows: readonly PetitionTrendRow[], fieldId: number | null, months?: readonly string[]) {
  const byMonth = new Map(span(rows, months).map((month) => [month, { month, received: 0, resolved: 0 }]));
  for (const row of rows) {
    if (fieldId !== null && row.fieldId !== fieldId) continue;
    const slot = byMonth.get(row.month);
    if (!slot) continue;
    slot.received += row.received;
    slot.resolved += row.resolved;
  }
  return [...byMonth.values()];
}

/** Held, expected and the share held (percent, one decimal; null when nothing was expected). */
export function complianceSeries(rows: readonly MeetingComplianceRow[], months?: readonly string[]) {
  const byMonth = new Map(span(rows, months).map((month) => [month, { month, held: 0, expected: 0 }]));
  for (const row of rows) {
    const slot = byMonth.get(row.month);
    if (!slot) continue;
    slot.held += row.held;
    slot.expected += row.expected;
  }
  return [...byMonth.values()].map((m) => ({ ...m, share: percent(m.held, m.expected) }));
}

const RESOLUTION_ORDER: (ResolutionKind | null)[] = ["SETTLED", "EXPLAINED", null];

/** Items in workflow order with their share of the total (percent, one decimal); empty statuses left out. */
export function statusSeries(items: readonly PetitionStatusItem[]) {
  const total = items.reduce((n, i) => n + i.count, 0);
  // The statuses in the order every screen lists them (intake to the ends), then settled before explained.
  const rank = (i: PetitionStatusItem) => (PETITION_STATUSES as readonly string[]).indexOf(i.status) * 10 + RESOLUTION_ORDER.indexOf(i.resolution ?? null);
  return {
    total,
    items: items
      .filter((i) => i.count > 0)
      .sort((a, b) => rank(a) - rank(b))
      .map((i) => ({ ...i, resolution: i.resolution ?? null, share: percent(i.count, total) as number })),
  };
}
