/**
 * /api/v1/rollup: a unit's dashboard figures for a period of whole months, with its children's
 * (lib/dashboards). Scoped as the dashboard pages: a unit outside the subtree is 404.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import { dashboardFor } from "../dashboards/dashboard";
import { parsePeriod, PeriodError } from "../dashboards/period";
import type { DashboardView } from "../dashboards/types";
import { todayInVietnam } from "../time";
import { parseUnitRef, UNIT_REF_PATTERN } from "./units";

export const rollupQuery = z
  .object({
    unit: z
      .string({ error: "unit: bắt buộc (mã đơn vị hoặc id:<số>)." })
      .refine((v) => parseUnitRef(v) !== null, { error: "unit: mã đơn vị hoặc id:<số>." })
      .meta({
        description: "An official code (the unit valid today, or on `to` when historical), or `id:` and a unit id (villages).",
        pattern: UNIT_REF_PATTERN.source,
        example: "246",
      }),
    // Whole months are checked by parsePeriod below, with the message naming `from` or `to`.
    from: z.string({ error: "from: bắt buộc (YYYY-MM-01)." }).meta({ description: "The first day of the first month.", format: "date", example: "2026-01-01" }),
    to: z.string({ error: "to: bắt buộc (ngày cuối tháng, YYYY-MM-DD)." }).meta({ description: "The last day of the last month.", format: "date", example: "2026-03-31" }),
    view: z
      .enum(["historical", "restated"], { error: "view: historical hoặc restated." })
      .default("restated")
      .meta({ description: "Units as they were, or restated on today's units." }),
  })
  .transform((q, ctx) => {
    try {
      return { ...q, period: parsePeriod(q.from, q.to) };
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      ctx.addIssue({ code: "custom", path: [error.field], message: error.message });
      return z.NEVER;
    }
  });
export type RollupQuery = z.output<typeof rollupQuery>;

/**
 * The unit a reference names: an id whatever its dates; a code (codes are reused by the 2025
 * reform) names the unit valid today in the restated view, on the period's last day in the
 * historical one.
 */
async function unitIdFor(actor: Actor, raw: string, view: DashboardView, periodEnd: string): Promise<number | null> {
  const ref = parseUnitRef(raw)!;
  if (ref.kind === "id") return ref.id;
  const day = view === "restated" ? todayInVietnam() : new Date(`${periodEnd}T00:00:00Z`);
  const unit = await db.unit.findFirst({
    where: {
      AND: [
        { code: ref.code },
        unitWhereFor(actor),
        { OR: [{ validFrom: null }, { validFrom: { lte: day } }] },
        { OR: [{ validTo: null }, { validTo: { gte: day } }] },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return unit?.id ?? null;
}

export async function getApiRollup(actor: Actor, query: RollupQuery) {
  const unitId = await unitIdFor(actor, query.unit, query.view, query.period.to);
  const dashboard = unitId === null ? null : await dashboardFor(actor, unitId, query.period, query.view);
  if (!dashboard) return null;
  const { view, unit, path, period, previousPeriod, kpis, previous, comparison, coverage, children } = dashboard;
  return { unit, path, view, period, previousPeriod, kpis, previous, comparison, coverage, children };
}
