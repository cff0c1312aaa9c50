/**
 * The supervising unit an escalated petition goes up to (decision 054): on the path the petition's unit has on
 * the day (`pathsOn`, the tree's own record of moves), the nearest district or province standing that day
 * (`validOn`) above the level that escalates it. That level is the unit that took the petition over, else the
 * escalating user's home unit (on the petition's path, since the petition lies in their reach). So a commune of
 * today goes up to its province, a district of before the reform to its province, a commune under a district
 * to its district; a province (or the nation) has no level above it in the app.
 */
import type { Tx } from "../db/client";
import type { UnitLevel } from "../generated/prisma/enums";
import { officeName } from "../units/labels";
import { pathsOn, validOn } from "../units/search";
import { isoDay } from "../time";

/** Higher levels first: a level supervises those with a larger rank. */
const RANK: Record<UnitLevel, number> = { NATION: 0, PROVINCE: 1, DISTRICT: 2, COMMUNE: 3, VILLAGE: 4 };

/** The levels petitions go up to: the party committees' boards that take petitions over. */
const SUPERVISING_LEVELS: UnitLevel[] = ["PROVINCE", "DISTRICT"];

export interface SupervisingUnit {
  id: number;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  code: string | null;
  ancestorIds: number[];
  /** The office that takes it over, named as on `day` ("Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu"). */
  office: string;
}

export async function supervisingUnit(
  tx: Pick<Tx, "unit">,
  petition: { unitId: number; ancestorIds: number[] },
  escalating: { level: UnitLevel },
  day: Date,
): Promise<SupervisingUnit | null> {
  if (supervisingLevels(escalating.level).length === 0) return null;
  const path = (await pathsOn([petition.unitId], day)).get(petition.unitId) ?? petition.ancestorIds;
  const candidates = await tx.unit.findMany({
    where: { AND: [{ id: { in: path } }, { level: { in: supervisingLevels(escalating.level) } }, validOn(day)] },
    select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true },
  });
  const nearest = nearestSupervising(candidates, escalating.level);
  return nearest ? { ...nearest, office: officeName(nearest, isoDay(day)) } : null;
}

/** The levels that supervise a unit of this level. */
function supervisingLevels(escalating: UnitLevel): UnitLevel[] {
  return SUPERVISING_LEVELS.filter((level) => RANK[level] < RANK[escalating]);
}

/**
 * Among the units of a petition's path that stand on the day, the one that supervises a unit of `escalating`'s
 * level: the nearest district or province above it. The rule of `supervisingUnit`, for callers that hold the
 * path's units already (the reminder sweep, a page of petitions at a time).
 */
export function nearestSupervising<U extends { level: UnitLevel }>(standing: readonly U[], escalating: UnitLevel): U | null {
  const above = supervisingLevels(escalating);
  return standing.filter((u) => above.includes(u.level)).sort((a, b) => RANK[b.level] - RANK[a.level])[0] ?? null;
}
