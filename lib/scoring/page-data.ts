/**
 * The ranking page's reads (decision 078), each shared by the requests that ask for the same unit, period and
 * page at the same time (decision 048): a province's or the nation's ranking ranks every village scored below it
 * (100,000 sheets for the nation), seconds of the database's time that many readers of one page need not repeat.
 */
import "server-only";
import type { Actor } from "../auth/actor";
import { reachRoots, reaches } from "../auth/scope";
import { shared } from "../cache/shared";
import { db } from "../db/client";
import type { ReportPeriod } from "../periodic-reports/period";
import { isoDay, todayInVietnam } from "../time";
import { boundariesOf } from "../units/boundaries/queries";
import { distributionOf, rankingOf, scoredPeriods } from "./queries";
import { villageScoresFor } from "./rollup";

type RankingUnit = { id: number; ancestorIds: number[]; parentId: number | null };

/** The periods scored below the unit, latest first (they depend on the unit only). */
export function scoredPeriodsShared(unitId: number): Promise<string[]> {
  return shared(JSON.stringify(["scored-periods", unitId, isoDay(todayInVietnam())]), () => scoredPeriods(unitId));
}

/** The unit's ranking page for the period: its children in reach, the ranking's page, the distribution, the averages, the map's shapes and the parent in reach. */
export function rankingPageFor(actor: Actor, unit: RankingUnit, period: ReportPeriod, page: number, weakestOnly: boolean) {
  const key = JSON.stringify(["scoring", actor.duties, reachRoots(actor), unit.id, period.key, page, weakestOnly, isoDay(todayInVietnam())]);
  return shared(key, async () => {
    const children = await db.unit.findMany({
      where: { parentId: unit.id, level: { not: "VILLAGE" }, OR: [{ validTo: null }, { validTo: { gte: new Date(`${period.from}T00:00:00Z`) } }] },
      select: { id: true, name: true, typeLabel: true, ancestorIds: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    });
    const shown = children.filter((c) => reaches(actor, c.ancestorIds));
    const [ranking, buckets, averages, shapes, parent] = await Promise.all([
      rankingOf(unit, period, page, { weakestOnly }),
      distributionOf(unit.id, period),
      villageScoresFor([unit.id, ...shown.map((c) => c.id)], period),
      boundariesOf(db, shown.map((c) => c.id)),
      unit.parentId && reaches(actor, unit.ancestorIds.slice(0, -1)) ? db.unit.findUnique({ where: { id: unit.parentId }, select: { id: true, name: true, typeLabel: true } }) : null,
    ]);
    return { shown, ranking, buckets, averages, shapes, parent };
  });
}
