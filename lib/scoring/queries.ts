/**
 * Scoring's reads (decision 078), scoped: the ranking of a unit's villages for a period (paged, the weakest
 * share marked), its distribution, a village's sheet, the averages of a unit and its children.
 */
import "server-only";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { ReportPeriod } from "../periodic-reports/period";
import { criteriaOf, weakestCount, type TemplateSections } from "./rules";
import { templateById, templateFor, weakestShareFor } from "./template";

export const RANKING_PAGE_SIZE = 50;

export interface RankedVillage {
  sheetId: number;
  villageId: number;
  villageName: string;
  communeName: string | null;
  templateId: number;
  total: number;
  maxTotal: number;
  percent: number;
  /** 1 for the best; villages with the same percentage share a rank. */
  rank: number;
  /** Among the weakest share of the unit's villages, marked for follow-up. */
  weakest: boolean;
}

/** The unit the ranking is of, in the actor's reach and readable, or null (not found). */
export async function rankingUnit(actor: Actor, unitId: number) {
  if (!allows(actor, "report:read:subtree")) return null;
  return db.unit.findFirst({
    where: { AND: [{ id: unitId }, unitWhereFor(actor)] },
    select: { id: true, name: true, typeLabel: true, level: true, ancestorIds: true, parentId: true },
  });
}

/**
 * The villages of a unit's subtree scored for the period, best first (ties by name), a page of them, with
 * their rank among all and whether they fall in the weakest share (`weakestCount` of the scored villages,
 * from the bottom: lowest percentage first, then the later village id).
 */
export async function rankingOf(unit: { id: number; ancestorIds: number[] }, period: ReportPeriod, page = 1, options: { weakestOnly?: boolean; pageSize?: number } = {}) {
  const { share } = await weakestShareFor(db, unit);
  const n = await scoredCount(unit.id, period);
  const weakest = weakestCount(n, share);
  const size = options.pageSize ?? RANKING_PAGE_SIZE;
  const rows = await db.$queryRaw<(RankedVillage & { scores: Record<string, number> })[]>`
    WITH scored AS (
      SELECT s."id" AS "sheetId", s."villageId", v."typeLabel" || ' ' || v."name" AS "villageName",
             c."typeLabel" || ' ' || c."name" AS "communeName", s."templateId", s."total", s."maxTotal", s."percent", s."scores",
             rank() OVER (ORDER BY s."percent" DESC)::int AS "rank",
             row_number() OVER (ORDER BY s."percent" ASC, s."villageId" DESC) <= ${weakest} AS "weakest"
      FROM "ScoreSheet" s
      JOIN "Unit" v ON v."id" = s."villageId"
      LEFT JOIN "Unit" c ON c."id" = v."parentId"
      WHERE v."ancestorIds" @> ARRAY[${unit.id}::int] AND s."period" = ${period.key}
    )
    SELECT * FROM scored WHERE ${options.weakestOnly ? true : null}::boolean IS NULL OR "weakest"
    ORDER BY "rank", "villageName", "villageId"
    LIMIT ${size} OFFSET ${(page - 1) * size}`;
  const listed = options.weakestOnly ? Math.min(weakest, n) : n;
  return { rows, scored: n, weakest, share, pages: Math.max(1, Math.ceil(listed / size)) };
}

/** How many villages of a unit's subtree were scored for the period. */
export async function scoredCount(unitId: number, period: ReportPeriod): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "ScoreSheet" s JOIN "Unit" v ON v."id" = s."villageId"
    WHERE v."ancestorIds" @> ARRAY[${unitId}::int] AND s."period" = ${period.key}`;
  return n;
}

/** How many villages fall in each tenth of the percentage (0–10 … 90–100). */
export async function distributionOf(unitId: number, period: ReportPeriod): Promise<number[]> {
  const rows = await db.$queryRaw<{ bucket: number; n: number }[]>`
    SELECT least(floor(s."percent" / 10), 9)::int AS bucket, count(*)::int AS n
    FROM "ScoreSheet" s JOIN "Unit" v ON v."id" = s."villageId"
    WHERE v."ancestorIds" @> ARRAY[${unitId}::int] AND s."period" = ${period.key}
    GROUP BY 1`;
  const buckets = Array.from({ length: 10 }, () => 0);
  for (const r of rows) buckets[r.bucket] = r.n;
  return buckets;
}

/** The periods scored in a unit's subtree, latest first (the ranking's choice), at most 20. */
export async function scoredPeriods(unitId: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ period: string }[]>`
    SELECT DISTINCT s."period", s."periodTo" FROM "ScoreSheet" s JOIN "Unit" v ON v."id" = s."villageId"
    WHERE v."ancestorIds" @> ARRAY[${unitId}::int]
    ORDER BY s."periodTo" DESC, s."period" LIMIT 20`;
  return rows.map((r) => r.period);
}

/** A village's sheet of a period, with the template it was scored on, or the template that would apply. */
export async function sheetOf(village: { id: number; ancestorIds: number[] }, period: ReportPeriod) {
  const sheet = await db.scoreSheet.findUnique({
    where: { villageId_period: { villageId: village.id, period: period.key } },
    select: { id: true, templateId: true, scores: true, total: true, maxTotal: true, percent: true, note: true, version: true, updatedAt: true },
  });
  const template = sheet ? await templateById(db, sheet.templateId) : await templateFor(db, village);
  return { sheet: sheet ? { ...sheet, scores: sheet.scores as Record<string, number> } : null, template };
}

/** The villages of a commune (in reach) with their sheet's percentage for the period, for the scoring list. */
export async function villagesToScore(actor: Actor, communeId: number, period: ReportPeriod) {
  const commune = await db.unit.findFirst({ where: { AND: [{ id: communeId, level: "COMMUNE" }, unitWhereFor(actor)] }, select: { id: true } });
  if (!commune) return null;
  return db.$queryRaw<{ id: number; name: string; percent: number | null; total: number | null }[]>`
    SELECT v."id", v."typeLabel" || ' ' || v."name" AS "name", s."percent", s."total"
    FROM "Unit" v LEFT JOIN "ScoreSheet" s ON s."villageId" = v."id" AND s."period" = ${period.key}
    WHERE v."parentId" = ${commune.id} AND v."level" = 'VILLAGE'
      AND (v."validTo" IS NULL OR v."validTo" >= ${period.from}::date) AND (v."validFrom" IS NULL OR v."validFrom" <= ${period.to}::date)
    ORDER BY v."name", v."id" LIMIT 500`;
}

export type SheetView = Awaited<ReturnType<typeof sheetOf>>;
export type { TemplateSections };
export { criteriaOf };
