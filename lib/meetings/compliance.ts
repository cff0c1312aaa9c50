/**
 * Meeting compliance: meetings held against meetings expected, for a unit's subtree and a
 * period: the figures from the rollups, and who has not met. The definition (decision 013),
 * which the rollups keep:
 *
 * - Monthly team meetings. Expected: the TEAM organisations of the unit's subtree active during
 *   the month (established on or before its last day or undated, dissolved on or after its
 *   first day or not at all) whose village is valid during the month. Held: those of them with
 *   at least one TEAM_MONTHLY meeting of that team (`Meeting.organisationId`) dated in the
 *   month. Several meetings of one team in a month count once.
 * - Quarterly briefings. Expected: the communes of the subtree valid during the quarter. Held:
 *   those with at least one QUARTERLY_BRIEFING meeting of the commune (`Meeting.unitId`) dated
 *   in the quarter.
 */
import { readMeetingCells } from "../dashboards/read";
import { MEASURES, type Measure } from "../dashboards/kpis";
import type { Cells } from "../dashboards/restate";
import { db } from "../db/client";
import { isoDay } from "../time";

export interface Period {
  /** First and last day, as `@db.Date` values (UTC midnight). */
  first: Date;
  last: Date;
}

/** A calendar month, 1–12. */
export function monthPeriod(year: number, month: number): Period {
  return { first: new Date(Date.UTC(year, month - 1, 1)), last: new Date(Date.UTC(year, month, 0)) };
}

/** A quarter, 1–4. */
export function quarterPeriod(year: number, quarter: number): Period {
  return { first: new Date(Date.UTC(year, (quarter - 1) * 3, 1)), last: new Date(Date.UTC(year, quarter * 3, 0)) };
}

export interface ComplianceFigure {
  expected: number;
  held: number;
}

export interface Compliance {
  /** Monthly team meetings in the month. */
  teams: ComplianceFigure;
  /** Quarterly briefings in the month's quarter. */
  briefings: ComplianceFigure;
}

/**
 * The compliance of each of `unitIds` (its subtree along today's tree) for `month` and its
 * quarter, from the rollups the triggers keep (RollupMeeting, RollupExpected: lib/rollup, the
 * reports read the same cells): a few index reads per unit whatever the subtree's size, where
 * counting the nation's 100,000 teams one by one took seconds. The definition above is the
 * rollups' (decision 013); lib/dashboards/live.ts counts it again from the base tables, and the
 * tests compare the two.
 */
export async function complianceOf(unitIds: number[], month: Period): Promise<Map<number, Compliance>> {
  const monthKey = isoDay(month.first);
  const quarter = quarterPeriod(month.first.getUTCFullYear(), Math.floor(month.first.getUTCMonth() / 3) + 1);
  const quarterKey = isoDay(quarter.first);
  const cells = new Map<number, Cells>();
  await readMeetingCells(cells, unitIds, [monthKey], [quarterKey]);
  const at = (unitId: number, key: string, measure: Measure) => cells.get(unitId)?.get(key)?.[MEASURES.indexOf(measure)] ?? 0;
  return new Map(
    unitIds.map((id) => [
      id,
      {
        teams: { expected: at(id, monthKey, "teamsExpected"), held: at(id, monthKey, "teamsHeld") },
        briefings: { expected: at(id, `${quarterKey}|q`, "briefingsExpected"), held: at(id, `${quarterKey}|q`, "briefingsHeld") },
      },
    ]),
  );
}

export interface VillageWithoutMeeting {
  organisationId: number;
  teamName: string;
  villageId: number;
  villageName: string;
  communeId: number | null;
  communeName: string | null;
}

/** The expected teams of the month that have not met (yet): one query, in commune and village order. */
export async function villagesWithoutTeamMeeting(unitId: number, month: Period, limit = 500): Promise<VillageWithoutMeeting[]> {
  const first = isoDay(month.first);
  const last = isoDay(month.last);
  return db.$queryRaw<VillageWithoutMeeting[]>`
    SELECT o."id" AS "organisationId", o."name" AS "teamName",
           v."id" AS "villageId", v."typeLabel" || ' ' || v."name" AS "villageName",
           c."id" AS "communeId", c."typeLabel" || ' ' || c."name" AS "communeName"
    FROM "Organisation" o
    JOIN "Unit" v ON v."id" = o."unitId"
    LEFT JOIN "Unit" c ON c."id" = v."parentId"
    WHERE o."kind" = 'TEAM'
      AND v."ancestorIds" @> ARRAY[${unitId}::int]
      AND (o."establishedOn" IS NULL OR o."establishedOn" <= ${last}::date)
      AND (o."dissolvedOn" IS NULL OR o."dissolvedOn" >= ${first}::date)
      AND (v."validFrom" IS NULL OR v."validFrom" <= ${last}::date)
      AND (v."validTo" IS NULL OR v."validTo" >= ${first}::date)
      AND NOT EXISTS (
        SELECT 1 FROM "Meeting" m
        WHERE m."organisationId" = o."id" AND m."kind" = 'TEAM_MONTHLY'
          AND m."heldOn" BETWEEN ${first}::date AND ${last}::date
      )
    ORDER BY c."name", c."id", v."name", v."id"
    LIMIT ${limit}`;
}

/** The expected communes of the quarter without a briefing (yet). */
export async function communesWithoutBriefing(unitId: number, quarter: Period, limit = 500): Promise<{ communeId: number; communeName: string }[]> {
  const first = isoDay(quarter.first);
  const last = isoDay(quarter.last);
  return db.$queryRaw<{ communeId: number; communeName: string }[]>`
    SELECT c."id" AS "communeId", c."typeLabel" || ' ' || c."name" AS "communeName"
    FROM "Unit" c
    WHERE c."level" = 'COMMUNE'
      AND c."ancestorIds" @> ARRAY[${unitId}::int]
      AND (c."validFrom" IS NULL OR c."validFrom" <= ${last}::date)
      AND (c."validTo" IS NULL OR c."validTo" >= ${first}::date)
      AND NOT EXISTS (
        SELECT 1 FROM "Meeting" m
        WHERE m."unitId" = c."id" AND m."kind" = 'QUARTERLY_BRIEFING'
          AND m."heldOn" BETWEEN ${first}::date AND ${last}::date
      )
    ORDER BY c."name", c."id"
    LIMIT ${limit}`;
}
