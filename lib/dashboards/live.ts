/**
 * The dashboard measures computed live over the base tables: no rollup table, no trigger. What a
 * petition counts for is the one definition the triggers and the rebuild use (`petition_facts`);
 * meetings and trainings are counted here in plain SQL. The rollup tests compare the dashboards
 * with it over randomised data, and `npm run bench -- dashboard` times it against the rollups. It
 * counts along today's tree (the restated view of records made at villages); it is an oracle, not a
 * second way to show dashboards.
 */
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { emptyMeasures, PETITION_MEASURES, type Measures } from "./kpis";
import { meetingsDue } from "./period";
import type { Period } from "./types";

export type LiveFigures = Measures & { overdue: number; cadresTrained: number };

type Row = Partial<Record<keyof LiveFigures, number>> & { unitId: number };

/** Live figures of each of `unitIds` (its whole subtree today) for `period`, `today` being "YYYY-MM-DD". */
export async function liveFigures(unitIds: number[], period: Period, today: string): Promise<Map<number, LiveFigures>> {
  const { from, to } = period;
  // The meetings counted are those due by today (the one rule, `meetingsDue`).
  const { months, quarters } = meetingsDue(period, new Date(`${today}T00:00:00Z`));
  const [petitions, overdue, teams, briefings, trained] = await Promise.all([
    // What each petition counts for is the triggers' definition (petition_facts); summed here along today's
    // tree, without the rollup tables. Periods are whole months.
    db.$queryRaw<Row[]>`
      SELECT a.uid AS "unitId", ${Prisma.raw(PETITION_MEASURES.map((m) => `sum(f."${m}")::int AS "${m}"`).join(", "))}
      FROM "Petition" p CROSS JOIN LATERAL petition_facts(p) f
      JOIN "Unit" u ON u.id = f."unitId"
      CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
      WHERE a.uid = ANY(${unitIds}::int[]) AND f.month BETWEEN dv_month(${from}::date) AND dv_month(${to}::date)
      GROUP BY a.uid`,
    db.$queryRaw<Row[]>`
      SELECT a.uid AS "unitId", count(*)::int AS overdue
      FROM "Petition" p JOIN "Unit" u ON u.id = p."unitId"
      CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
      WHERE a.uid = ANY(${unitIds}::int[]) AND p."isOpen" AND p."dueOn" < ${today}::date
      GROUP BY a.uid`,
    // For each month: the active teams, and those of them with a monthly meeting in it.
    db.$queryRaw<Row[]>`
      SELECT a.uid AS "unitId", count(*)::int AS "teamsExpected",
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "Meeting" mt WHERE mt."organisationId" = o.id AND mt.kind = 'TEAM_MONTHLY'
            AND mt."heldOn" >= m.first AND mt."heldOn" <= m.last))::int AS "teamsHeld"
      FROM (SELECT d::date AS first, (d + interval '1 month' - interval '1 day')::date AS last FROM unnest(${months}::date[]) AS d) m
      JOIN "Organisation" o ON o.kind = 'TEAM'
        AND (o."establishedOn" IS NULL OR o."establishedOn" <= m.last) AND (o."dissolvedOn" IS NULL OR o."dissolvedOn" >= m.first)
      JOIN "Unit" u ON u.id = o."unitId" AND (u."validFrom" IS NULL OR u."validFrom" <= m.last) AND (u."validTo" IS NULL OR u."validTo" >= m.first)
      CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
      WHERE a.uid = ANY(${unitIds}::int[])
      GROUP BY a.uid`,
    // For each quarter due in the period: the valid communes, and those of them with a briefing in it.
    db.$queryRaw<Row[]>`
      SELECT a.uid AS "unitId", count(*)::int AS "briefingsExpected",
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "Meeting" mt WHERE mt."unitId" = u.id AND mt.kind = 'QUARTERLY_BRIEFING'
            AND mt."heldOn" >= q.first AND mt."heldOn" <= q.last))::int AS "briefingsHeld"
      FROM (SELECT d::date AS first, (d + interval '3 months' - interval '1 day')::date AS last FROM unnest(${quarters}::date[]) AS d) q
      JOIN "Unit" u ON u.level = 'COMMUNE' AND (u."validFrom" IS NULL OR u."validFrom" <= q.last) AND (u."validTo" IS NULL OR u."validTo" >= q.first)
      CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
      WHERE a.uid = ANY(${unitIds}::int[])
      GROUP BY a.uid`,
    db.$queryRaw<Row[]>`
      SELECT a.uid AS "unitId", count(DISTINCT t."cadreId")::int AS "cadresTrained"
      FROM "TrainingRecord" t JOIN "Cadre" c ON c.id = t."cadreId" JOIN "Unit" u ON u.id = c."unitId"
      CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
      WHERE a.uid = ANY(${unitIds}::int[]) AND t."startOn" BETWEEN ${from}::date AND ${to}::date
      GROUP BY a.uid`,
  ]);
  const out = new Map<number, LiveFigures>(unitIds.map((id) => [id, { ...emptyMeasures(), overdue: 0, cadresTrained: 0 }]));
  for (const row of [...petitions, ...overdue, ...teams, ...briefings, ...trained]) {
    const target = out.get(row.unitId)!;
    for (const [key, value] of Object.entries(row)) if (key !== "unitId") (target as Record<string, number>)[key] += Number(value);
  }
  return out;
}
