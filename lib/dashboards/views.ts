/**
 * The shifts (lib/dashboards/restate.ts) that turn the rollups, which count along today's
 * tree, into the two views of decision 014, and the children a unit has in each view.
 * Only units that moved or closed produce shifts, so on a tree without mergers these are
 * two empty lookups.
 */
import { db } from "../db/client";
import type { UnitLevel } from "../generated/prisma/enums";
import { lastDayOfMonth } from "./period";
import type { Shift } from "./restate";
import type { DashboardView } from "./types";

interface HistoryRow {
  unitId: number;
  path: number[];
  endedOn: string;
}

/** Each unit's history, oldest first. */
async function historyOf(unitIds: number[]): Promise<Map<number, HistoryRow[]>> {
  const rows = unitIds.length
    ? await db.$queryRaw<HistoryRow[]>`
        SELECT "unitId", "ancestorIds" AS path, to_char("endedOn", 'YYYY-MM-DD') AS "endedOn" FROM "UnitPathHistory"
        WHERE "unitId" = ANY(${unitIds}::int[]) ORDER BY "unitId", "endedOn", id`
    : [];
  const out = new Map<number, HistoryRow[]>();
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), r]);
  return out;
}

/**
 * The path a unit had during `month` ("YYYY-MM-01"): the one it held on the month's last
 * day, so a merger effective on the 1st moves the month it starts. `current` when it has
 * not moved since.
 */
export function pathDuring(history: readonly HistoryRow[], current: number[], month: string): number[] {
  const last = lastDayOfMonth(month);
  return history.find((h) => last <= h.endedOn)?.path ?? current;
}

/** Units that moved (or whose old path) touch the display units, with their history and current path. */
async function movedUnits(display: number[], windowFrom: string) {
  const moved = await db.$queryRaw<{ unitId: number; current: number[] }[]>`
    SELECT DISTINCT u.id AS "unitId", u."ancestorIds" AS current
    FROM "UnitPathHistory" h JOIN "Unit" u ON u.id = h."unitId"
    WHERE h."endedOn" >= ${windowFrom}::date AND (h."ancestorIds" && ${display}::int[] OR u."ancestorIds" && ${display}::int[])`;
  return { moved, history: await historyOf(moved.map((m) => m.unitId)) };
}

/**
 * "As the units were": every unit that moved counts, in each month before its move, along
 * the path it had then.
 */
async function historicalShifts(display: number[], months: string[]): Promise<Shift[]> {
  const { moved, history } = await movedUnits(display, months[0]);
  const shifts: Shift[] = [];
  for (const { unitId, current } of moved) {
    const byPath = new Map<string, { to: number[]; months: Set<string> }>();
    for (const month of months) {
      const to = pathDuring(history.get(unitId) ?? [], current, month);
      if (to === current) continue;
      const key = to.join(".");
      const entry = byPath.get(key) ?? { to, months: new Set<string>() };
      entry.months.add(month);
      byPath.set(key, entry);
    }
    for (const { to, months: shifted } of byPath.values()) shifts.push({ atomId: unitId, from: current, to, months: shifted });
  }
  return shifts;
}

/**
 * "On today's units": the records made at a closed unit itself go to one successor
 * (decision 005, rule 3): the one that received most of its villages, then the lowest code.
 * Records of villages need no shift: villages move, and the rollups follow them.
 */
async function restatedShifts(display: number[]): Promise<Shift[]> {
  const rows = await db.$queryRaw<{ unitId: number; current: number[]; target: number[] }[]>`
    WITH closed AS (
      SELECT u.id, u."ancestorIds" AS current FROM "Unit" u
      WHERE u."validTo" IS NOT NULL AND u.level <> 'VILLAGE'
        AND EXISTS (SELECT 1 FROM "UnitSuccession" s WHERE s."predecessorId" = u.id)
        AND (u."ancestorIds" && ${display}::int[] OR EXISTS (
          SELECT 1 FROM "UnitSuccession" s JOIN "Unit" t ON t.id = s."successorId"
          WHERE s."predecessorId" = u.id AND t."ancestorIds" && ${display}::int[]))
    ), ranked AS (
      SELECT c.id, c.current, t."ancestorIds" AS target, t.code, t.id AS "successorId",
        (SELECT count(DISTINCT h."unitId") FROM "UnitPathHistory" h JOIN "Unit" v ON v.id = h."unitId"
          -- The containment lets the GIN index find the paths through c; the position test keeps its children.
          WHERE h."ancestorIds" @> ARRAY[c.id] AND h."ancestorIds"[cardinality(h."ancestorIds") - 1] = c.id
            AND v.level = 'VILLAGE' AND v."ancestorIds" @> ARRAY[t.id]) AS received
      FROM closed c JOIN "UnitSuccession" s ON s."predecessorId" = c.id JOIN "Unit" t ON t.id = s."successorId"
    )
    SELECT DISTINCT ON (id) id AS "unitId", current, target FROM ranked
    ORDER BY id, received DESC, code ASC NULLS LAST, "successorId"`;
  return rows.map((r) => ({ atomId: r.unitId, from: r.current, to: r.target, months: null }));
}

export function shiftsFor(view: DashboardView, display: number[], months: string[]): Promise<Shift[]> {
  return view === "historical" ? historicalShifts(display, months) : restatedShifts(display);
}

export interface ChildUnit {
  id: number;
  code: string | null;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  validTo: Date | null;
  ancestorIds: number[];
}

const CHILD_SELECT = { id: true, code: true, level: true, typeLabel: true, name: true, validTo: true, ancestorIds: true } as const;

/**
 * The children of `unitId` in the view: today's (current) children when restated; when
 * historical, the units that had it as parent during some month of the period (today's
 * children that were already there, and the ones that have moved away since).
 */
export async function childrenIn(view: DashboardView, unitId: number, months: string[], today: Date): Promise<ChildUnit[]> {
  if (view === "restated") {
    return db.unit.findMany({ where: { parentId: unitId, OR: [{ validTo: null }, { validTo: { gte: today } }] }, select: CHILD_SELECT });
  }
  const from = new Date(`${months[0]}T00:00:00Z`);
  const to = new Date(`${lastDayOfMonth(months[months.length - 1])}T00:00:00Z`);
  const formerIds = await db.$queryRaw<{ unitId: number }[]>`
    SELECT DISTINCT "unitId" FROM "UnitPathHistory"
    WHERE "ancestorIds"[cardinality("ancestorIds") - 1] = ${unitId} AND "endedOn" >= ${months[0]}::date`;
  const candidates = await db.unit.findMany({
    where: {
      OR: [
        { parentId: unitId, AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: to } }] }, { OR: [{ validTo: null }, { validTo: { gte: from } }] }] },
        { id: { in: formerIds.map((f) => f.unitId) } },
      ],
    },
    select: CHILD_SELECT,
  });
  const history = await historyOf(candidates.map((c) => c.id));
  return candidates.filter((c) => {
    const h = history.get(c.id) ?? [];
    return months.some((m) => {
      const path = pathDuring(h, c.ancestorIds, m);
      return path[path.length - 2] === unitId;
    });
  });
}
