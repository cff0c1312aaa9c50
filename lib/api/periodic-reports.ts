/**
 * /api/v1/periodic-reports: the periodic reports of a period written by a unit and the units below it
 * (decision 066), by unit id, in keyset pages. A unit outside the subtree is 404, as everywhere.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { PERIOD_KEY_PATTERN, parseReportPeriod } from "../periodic-reports/period";
import { pageParams, readCursor, toPage } from "./cursor";
import { parseUnitRef, UNIT_REF_PATTERN } from "./units";

export const periodicReportListQuery = z.object({
  unit: z
    .string({ error: "unit: bắt buộc (mã đơn vị hoặc id:<số>)." })
    .refine((v) => parseUnitRef(v) !== null, { error: "unit: mã đơn vị hoặc id:<số>." })
    .meta({ description: "An official code (the unit valid on the period's last day), or `id:` and a unit id. Its report and those of every unit below it.", pattern: UNIT_REF_PATTERN.source, example: "25" }),
  period: z
    .string({ error: "period: bắt buộc (YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2 hoặc YYYY)." })
    .refine((v) => parseReportPeriod(v) !== null, { error: "period: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2 hoặc YYYY (năm 2000–2100)." })
    .meta({ description: "A month, a quarter, a half-year or a year.", pattern: PERIOD_KEY_PATTERN.source, example: "2026-11" }),
  ...pageParams,
});
export type PeriodicReportListQuery = z.output<typeof periodicReportListQuery>;

const cursorKey = z.tuple([z.number().int().positive()]);

export async function listApiPeriodicReports(actor: Actor, query: PeriodicReportListQuery) {
  if (!allows(actor, "periodic-report:read:subtree")) return null;
  const period = parseReportPeriod(query.period)!;
  const ref = parseUnitRef(query.unit)!;
  const lastDay = new Date(`${period.to}T00:00:00Z`);
  const unit = await db.unit.findFirst({
    where: {
      AND: [
        ref.kind === "id" ? { id: ref.id } : { code: ref.code, OR: [{ validFrom: null }, { validFrom: { lte: lastDay } }] },
        ref.kind === "id" ? {} : { OR: [{ validTo: null }, { validTo: { gte: lastDay } }] },
        unitWhereFor(actor),
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (!unit) return null;
  const after = readCursor(query.cursor, cursorKey);
  const rows = await db.periodicReport.findMany({
    where: { periodKind: period.kind, period: period.key, unit: { ancestorIds: { has: unit.id } }, ...(after ? { id: { gt: after[0] } } : {}) },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: { id: true, period: true, status: true, dueOn: true, submittedAt: true, approvedAt: true, unit: { select: { id: true, code: true, level: true, typeLabel: true, name: true } } },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      unit: { id: r.unit.id, code: r.unit.code, level: r.unit.level, name: `${r.unit.typeLabel} ${r.unit.name}` },
      period: r.period,
      status: r.status.toLowerCase() as "draft" | "submitted" | "returned" | "approved",
      dueOn: r.dueOn.toISOString().slice(0, 10),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      approvedAt: r.approvedAt?.toISOString() ?? null,
    }),
  );
}
