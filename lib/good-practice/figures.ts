/**
 * The good-practice models' figures for the reports page and /api/v1/rollup (decision 076), read live from
 * the models in one SQL statement for a unit and its children: no rollup table (a province holds hundreds of
 * models, not millions of petitions). Definitions:
 *
 * - for a period (the dashboard's KPIs): `modelsRegistered`, models of the subtree registered (`registeredOn`)
 *   in it; `modelsRecognised`, models whose latest recognition (`recognisedOn`) falls in it. Each model lies
 *   in one unit, so the children's counts add up to the unit's, less those registered by the unit itself.
 * - for the emulation year of the period's last day, as the provinces report them (`ModelYearFigures`):
 *   registered (standing: the year is at most this one), new since last year (the year is this one),
 *   effective (assessed effective by the year's end), recognised by the year's end, by level.
 *
 * Models follow their unit's path today: a model of a commune that closed in a merger counts in the units
 * above it, and in the child table under the child on its path (the restated view's children are today's).
 */
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { GoodPracticeField, RecognitionLevel } from "../generated/prisma/enums";
import type { Period } from "../dashboards/types";
import { GOOD_PRACTICE_FIELDS } from "./workflow";

export interface ModelPeriodCounts {
  registered: number;
  recognised: number;
}

export interface ModelYearCounts {
  /** Models standing in the year: registered for it or an earlier one. */
  registered: number;
  /** …of which registered for this year: new since last year. */
  new: number;
  /** Assessed effective by the year's end. */
  effective: number;
  /** Recognised by the year's end, by the level of the latest recognition. */
  recognised: Record<RecognitionLevel, number>;
}

export interface ModelYearFigures {
  year: number;
  total: ModelYearCounts;
  /** Every field, in GOOD_PRACTICE_FIELDS order. */
  byField: { field: GoodPracticeField; counts: ModelYearCounts }[];
}

export interface ModelFigures {
  /** The period's counts of the unit and of each child asked for (0 when none). */
  period: Map<number, ModelPeriodCounts>;
  /** The unit's counts of the previous period. */
  previous: ModelPeriodCounts;
  year: ModelYearFigures;
}

type Row = {
  grouping: number;
  child: number | null;
  field: GoodPracticeField | null;
  registered: number;
  recognised: number;
  prevRegistered: number;
  prevRecognised: number;
  standing: number;
  newThisYear: number;
  effective: number;
  recCommune: number;
  recDistrict: number;
  recProvince: number;
};

const emptyYear = (): ModelYearCounts => ({ registered: 0, new: 0, effective: 0, recognised: { COMMUNE: 0, DISTRICT: 0, PROVINCE: 0 } });
const yearOf = (r: Row): ModelYearCounts => ({
  registered: r.standing,
  new: r.newThisYear,
  effective: r.effective,
  recognised: { COMMUNE: r.recCommune, DISTRICT: r.recDistrict, PROVINCE: r.recProvince },
});

/**
 * The figures of `unitId` (its subtree) and of `childIds` for `period`, with the previous period's for the
 * unit and the year's by field: one statement, grouped by the child on each model's path, by field, and in
 * all. The subtree comes from the unit tree's GIN index, its models from `GoodPracticeModel(unitId, year)`.
 */
export async function modelFiguresOf(unitId: number, childIds: readonly number[], period: Period, previous: Period): Promise<ModelFigures> {
  const year = Number(period.to.slice(0, 4));
  const yearEnd = `${year}-12-31`;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT GROUPING(x.child, x.field)::int AS grouping, x.child, x.field,
           count(*) FILTER (WHERE x."registeredOn" BETWEEN ${period.from}::date AND ${period.to}::date)::int AS registered,
           count(*) FILTER (WHERE x."recognisedOn" BETWEEN ${period.from}::date AND ${period.to}::date)::int AS recognised,
           count(*) FILTER (WHERE x."registeredOn" BETWEEN ${previous.from}::date AND ${previous.to}::date)::int AS "prevRegistered",
           count(*) FILTER (WHERE x."recognisedOn" BETWEEN ${previous.from}::date AND ${previous.to}::date)::int AS "prevRecognised",
           count(*) FILTER (WHERE x.year <= ${year})::int AS standing,
           count(*) FILTER (WHERE x.year = ${year})::int AS "newThisYear",
           count(*) FILTER (WHERE x.year <= ${year} AND x.effective AND x."assessedOn" <= ${yearEnd}::date)::int AS effective,
           count(*) FILTER (WHERE x.year <= ${year} AND x."recognisedOn" <= ${yearEnd}::date AND x."recognitionLevel" = 'COMMUNE')::int AS "recCommune",
           count(*) FILTER (WHERE x.year <= ${year} AND x."recognisedOn" <= ${yearEnd}::date AND x."recognitionLevel" = 'DISTRICT')::int AS "recDistrict",
           count(*) FILTER (WHERE x.year <= ${year} AND x."recognisedOn" <= ${yearEnd}::date AND x."recognitionLevel" = 'PROVINCE')::int AS "recProvince"
      FROM (SELECT m."registeredOn", m."recognisedOn", m."recognitionLevel", m."assessedOn", m.effective, m.year, m.field::text AS field,
                   u."ancestorIds"[array_position(u."ancestorIds", ${unitId}::int) + 1] AS child
              FROM "Unit" u
              JOIN "GoodPracticeModel" m ON m."unitId" = u.id
             WHERE u."ancestorIds" @> ARRAY[${unitId}::int]) x
     GROUP BY GROUPING SETS ((x.child), (x.field), ())`);
  const counts = new Map<number, ModelPeriodCounts>([unitId, ...childIds].map((id) => [id, { registered: 0, recognised: 0 }]));
  const prev: ModelPeriodCounts = { registered: 0, recognised: 0 };
  const byField = new Map<string, ModelYearCounts>();
  let total = emptyYear();
  for (const r of rows) {
    // GROUPING(child, field): 1 → grouped by child, 2 → by field, 3 → all.
    if (r.grouping === 3) {
      counts.set(unitId, { registered: r.registered, recognised: r.recognised });
      prev.registered = r.prevRegistered;
      prev.recognised = r.prevRecognised;
      total = yearOf(r);
    } else if (r.grouping === 1 && r.child !== null && counts.has(r.child) && r.child !== unitId) {
      counts.set(r.child, { registered: r.registered, recognised: r.recognised });
    } else if (r.grouping === 2 && r.field) {
      byField.set(r.field, yearOf(r));
    }
  }
  return {
    period: counts,
    previous: prev,
    year: { year, total, byField: GOOD_PRACTICE_FIELDS.map((field) => ({ field, counts: byField.get(field) ?? emptyYear() })) },
  };
}
