import "server-only";
/**
 * The hotspots' reads (decision 080), scoped by the actor's reach: one report's, the roll-up of a unit's
 * subtree for a period (the list, paged and filtered by how serious), and the units below a unit that have
 * any, for the reports page's map: one statement on the GIN index of the place's path.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { HotspotSeverity } from "../generated/prisma/enums";
import { SENT_STATUSES } from "./hotspots";
import type { Period } from "../dashboards/types";

export const HOTSPOTS_PER_PAGE = 50;

const hotspotSelect = {
  id: true,
  topic: true,
  severity: true,
  people: true,
  actions: true,
  periodFrom: true,
  periodTo: true,
  place: { select: { id: true, code: true, level: true, typeLabel: true, name: true } },
} as const;

export type HotspotRow = Prisma.ReportHotspotGetPayload<{ select: typeof hotspotSelect }>;

/** A report's hotspots, the worst first (the report's own reach was checked by whoever read the report). */
export function hotspotsOfReport(reportId: number) {
  return db.reportHotspot.findMany({ where: { reportId }, orderBy: [{ severity: "desc" }, { id: "asc" }], select: hotspotSelect });
}

/** The hotspots of several reports (the approved reports below a unit), by report. */
export async function hotspotsOfReports(reportIds: number[]): Promise<Map<number, HotspotRow[]>> {
  const rows = reportIds.length
    ? await db.reportHotspot.findMany({ where: { reportId: { in: reportIds } }, orderBy: [{ reportId: "asc" }, { severity: "desc" }, { id: "asc" }], select: { ...hotspotSelect, reportId: true } })
    : [];
  const out = new Map<number, HotspotRow[]>();
  for (const { reportId, ...h } of rows) out.set(reportId, [...(out.get(reportId) ?? []), h]);
  return out;
}

/** The hotspots of a period in a unit's subtree: those the sent reports of periods within it list. */
function rolledUpWhere(unitId: number, period: Pick<Period, "from" | "to">, severity?: HotspotSeverity): Prisma.ReportHotspotWhereInput {
  return {
    placePath: { has: unitId },
    // A hotspot's period lies within: it starts in the period (read by ReportHotspot_periodFrom_idx) and ends in it.
    periodFrom: { gte: new Date(`${period.from}T00:00:00Z`), lte: new Date(`${period.to}T00:00:00Z`) },
    periodTo: { lte: new Date(`${period.to}T00:00:00Z`) },
    report: { status: { in: [...SENT_STATUSES] } },
    ...(severity ? { severity } : {}),
  };
}

/**
 * The roll-up list: every hotspot that the reports sent from a unit's subtree list for a period, the worst
 * first, a page at a time. Null out of reach.
 */
export async function hotspotsBelow(actor: Actor, unitId: number, period: Pick<Period, "from" | "to">, options: { severity?: HotspotSeverity; page?: number } = {}) {
  if (!allows(actor, "periodic-report:read:subtree")) return null;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: { id: true, code: true, level: true, typeLabel: true, name: true, ancestorIds: true } });
  if (!unit) return null;
  const where = rolledUpWhere(unit.id, period, options.severity);
  const total = await db.reportHotspot.count({ where });
  const pages = Math.max(1, Math.ceil(total / HOTSPOTS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const items = total
    ? await db.reportHotspot.findMany({
        where,
        orderBy: [{ severity: "desc" }, { periodFrom: "desc" }, { id: "desc" }],
        skip: (page - 1) * HOTSPOTS_PER_PAGE,
        take: HOTSPOTS_PER_PAGE,
        select: { ...hotspotSelect, report: { select: { id: true, period: true, status: true, unit: { select: { id: true, code: true, level: true, typeLabel: true, name: true } } } } },
      })
    : [];
  return { unit, items, total, page, pages };
}

export interface HotspotMark {
  count: number;
  worst: HotspotSeverity;
}

/**
 * For the reports page's map: the units one level below `unit` (by its path) that have hotspots in the period,
 * with their count and the worst. One statement on `ReportHotspot_placePath_idx`, whatever the number of children.
 * The caller has already checked the actor's reach of `unit` (the dashboard did).
 */
export async function hotspotMarks(unit: { id: number; ancestorIds: number[] }, period: Pick<Period, "from" | "to">): Promise<Map<number, HotspotMark>> {
  // ancestorIds ends with the unit itself; the child is the next element (SQL arrays count from 1).
  const childAt = unit.ancestorIds.length + 1;
  const rows = await db.$queryRaw<{ unitId: number; count: number; worst: HotspotSeverity }[]>`
    SELECT h."placePath"[${childAt}::int] AS "unitId", count(*)::int AS count, max(h.severity)::text AS worst
    FROM "ReportHotspot" h JOIN "PeriodicReport" r ON r.id = h."reportId"
    WHERE h."placePath" @> ARRAY[${unit.id}::int]
      AND h."periodFrom" BETWEEN ${period.from}::date AND ${period.to}::date AND h."periodTo" <= ${period.to}::date
      AND r.status IN ('SUBMITTED', 'APPROVED')
      AND cardinality(h."placePath") >= ${childAt}::int
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.unitId, { count: r.count, worst: r.worst }]));
}

/** Where a report's hotspot may be placed, as the form offers it: the unit, then the units just below it today. */
export async function hotspotPlaces(unit: { id: number; code: string | null; level: string; typeLabel: string; name: string }) {
  const children = await db.unit.findMany({
    where: { parentId: unit.id, validTo: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, code: true, level: true, typeLabel: true, name: true },
  });
  return [unit, ...children];
}
