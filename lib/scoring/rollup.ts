/**
 * The average village score of the dashboards and /api/v1/rollup (decision 078), read with one statement.
 */
import { scoringVersion, VersionedMemo } from "../cache/versioned";
import { db } from "../db/client";

export interface AverageScore {
  /** Mean of the sheets' percentages, one decimal; null without a sheet. */
  average: number | null;
  sheets: number;
}

type Span = { from: string; to: string };

/** The averages read, kept with the sheets' and the tree's versions (decision 074): the nation's read every sheet of the country. */
const kept = new VersionedMemo<{ current: Map<number, AverageScore>; previous: AverageScore }>(1_000);

/**
 * The average village score of `unitIds` (a unit first, then its children) over every sheet of a village of
 * each one's subtree (along today's tree) whose period overlaps `period`, and the first unit's for `previous`:
 * one statement, read through the GIN index of the first unit's villages, each sheet counted for every unit on
 * its village's path that is asked for. A parent's average is over all its villages' sheets, not an average
 * of its children's.
 */
export async function villageScoresFor(unitIds: number[], period: Span, previous: Span | null = null): Promise<{ current: Map<number, AverageScore>; previous: AverageScore }> {
  const key = JSON.stringify([unitIds, period.from, period.to, previous?.from ?? null, previous?.to ?? null]);
  return kept.get(key, await scoringVersion(), () => readVillageScores(unitIds, period, previous));
}

async function readVillageScores(unitIds: number[], period: Span, previous: Span | null): Promise<{ current: Map<number, AverageScore>; previous: AverageScore }> {
  const current = new Map<number, AverageScore>(unitIds.map((id) => [id, { average: null, sheets: 0 }]));
  let before: AverageScore = { average: null, sheets: 0 };
  if (!unitIds.length) return { current, previous: before };
  const prior = previous ?? { from: "1900-01-01", to: "1900-01-01" };
  const rows = await db.$queryRaw<{ unitId: number; current: boolean; sum: number; n: number }[]>`
    SELECT a."id" AS "unitId", p."current", sum(s."percent")::float8 AS "sum", count(*)::int AS n
    FROM "Unit" v
    JOIN "ScoreSheet" s ON s."villageId" = v."id"
    CROSS JOIN LATERAL unnest(v."ancestorIds") AS a("id")
    JOIN (VALUES (true, ${period.from}::date, ${period.to}::date), (false, ${prior.from}::date, ${prior.to}::date)) AS p("current", "from", "to")
      ON s."periodFrom" <= p."to" AND s."periodTo" >= p."from" AND (p."current" OR a."id" = ${unitIds[0]}::int)
    WHERE v."ancestorIds" @> ARRAY[${unitIds[0]}::int] AND v."level" = 'VILLAGE'
      AND a."id" = ANY(${unitIds}::int[])
    GROUP BY a."id", p."current"`;
  const mean = (r: { sum: number; n: number }) => ({ average: Math.round((r.sum / r.n) * 10) / 10, sheets: r.n });
  for (const r of rows) {
    if (r.current) current.set(r.unitId, mean(r));
    else if (previous) before = mean(r);
  }
  return { current, previous: before };
}

/** `villageScoresFor` of one period only. */
export async function averageScoresOf(unitIds: number[], from: string, to: string): Promise<Map<number, AverageScore>> {
  return (await villageScoresFor(unitIds, { from, to })).current;
}
