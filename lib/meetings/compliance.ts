/**
 * Meeting compliance: meetings held against meetings expected, for a unit's subtree and a
 * period. One SQL statement per figure, never one per village, so that the dashboards can
 * read the same figures for a province. The definition (decision 013; the dashboard rollups
 * use it too):
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

/** Monthly team meetings held and expected in the unit's subtree, for one month. */
export async function teamMeetingCompliance(unitId: number, month: Period): Promise<ComplianceFigure> {
  const first = isoDay(month.first);
  const last = isoDay(month.last);
  const [row] = await db.$queryRaw<{ expected: number; held: number }[]>`
    SELECT count(*)::int AS expected,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Meeting" m
             WHERE m."organisationId" = o."id" AND m."kind" = 'TEAM_MONTHLY'
               AND m."heldOn" BETWEEN ${first}::date AND ${last}::date
           ))::int AS held
    FROM "Organisation" o
    JOIN "Unit" v ON v."id" = o."unitId"
    WHERE o."kind" = 'TEAM'
      AND v."ancestorIds" @> ARRAY[${unitId}::int]
      AND (o."establishedOn" IS NULL OR o."establishedOn" <= ${last}::date)
      AND (o."dissolvedOn" IS NULL OR o."dissolvedOn" >= ${first}::date)
      AND (v."validFrom" IS NULL OR v."validFrom" <= ${last}::date)
      AND (v."validTo" IS NULL OR v."validTo" >= ${first}::date)`;
  return row;
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

/** Quarterly briefings held and expected in the unit's subtree, for one quarter. */
export async function briefingCompliance(unitId: number, quarter: Period): Promise<ComplianceFigure> {
  const first = isoDay(quarter.first);
  const last = isoDay(quarter.last);
  const [row] = await db.$queryRaw<{ expected: number; held: number }[]>`
    SELECT count(*)::int AS expected,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM "Meeting" m
             WHERE m."unitId" = c."id" AND m."kind" = 'QUARTERLY_BRIEFING'
               AND m."heldOn" BETWEEN ${first}::date AND ${last}::date
           ))::int AS held
    FROM "Unit" c
    WHERE c."level" = 'COMMUNE'
      AND c."ancestorIds" @> ARRAY[${unitId}::int]
      AND (c."validFrom" IS NULL OR c."validFrom" <= ${last}::date)
      AND (c."validTo" IS NULL OR c."validTo" >= ${first}::date)`;
  return row;
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
