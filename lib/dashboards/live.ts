/**
 * The dashboard measures computed live over the base tables, with the definitions of
 * decision 014 written out again in plain SQL: no rollup table, no trigger function. The
 * rollup tests compare the dashboards with it over randomised data, and `npm run bench --
 * dashboard` times it against the rollups. It counts along today's tree (the restated view
 * of records made at villages); it is an oracle, not a second way to show dashboards.
 */
import { db } from "../db/client";
import { emptyMeasures, type Measures } from "./kpis";
import { meetingsDue } from "./period";
import type { Period } from "./types";

export type LiveFigures = Measures & { overdue: number; cadresTrained: number };

type Row = Partial<Record<keyof LiveFigures, number>> & { unitId: number };

/** Live figures of each of `unitIds` (its whole subtree today) for `period`, `today` being "YYYY-MM-DD". */
export async function liveFigures(unitIds: number[], period: Period, today: string): Promise<Map<number, LiveFigures>> {
  const { from, to } = period;
  // The meetings counted are those due by today (the one rule, `meetingsDue`).
  const { months, quarters } = meetingsDue(period, new Date(`${today}T00:00:00Z`));
  const [petitions, teams, briefings, trained] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT a.uid AS "unitId",
        count(*) FILTER (WHERE p."receivedOn" BETWEEN ${from}::date AND ${to}::date)::int AS received,
        count(*) FILTER (WHERE p."receivedOn" BETWEEN ${from}::date AND ${to}::date AND p."resolvedAt" IS NOT NULL)::int AS "receivedResolved",
        count(*) FILTER (WHERE r.day BETWEEN ${from}::date AND ${to}::date)::int AS resolved,
        count(*) FILTER (WHERE r.day BETWEEN ${from}::date AND ${to}::date AND p.resolution = 'SETTLED')::int AS settled,
        count(*) FILTER (WHERE r.day BETWEEN ${from}::date AND ${to}::date AND p.resolution = 'EXPLAINED')::int AS explained,
        count(*) FILTER (WHERE r.day BETWEEN ${from}::date AND ${to}::date AND r.day <= p."dueOn")::int AS "resolvedOnTime",
        coalesce(sum(dv_working_days(p."receivedOn", r.day)) FILTER (WHERE r.day BETWEEN ${from}::date AND ${to}::date), 0)::int AS "resolveWorkingDays",
        count(*) FILTER (WHERE (p."closedAt" + interval '7 hours')::date BETWEEN ${from}::date AND ${to}::date AND p.satisfaction IS NOT NULL)::int AS replies,
        count(*) FILTER (WHERE (p."closedAt" + interval '7 hours')::date BETWEEN ${from}::date AND ${to}::date AND p.satisfaction = 'SATISFIED')::int AS satisfied,
        count(*) FILTER (WHERE (p."reopenedAt" + interval '7 hours')::date BETWEEN ${from}::date AND ${to}::date)::int AS reopened,
        count(*) FILTER (WHERE (p."escalatedAt" + interval '7 hours')::date BETWEEN ${from}::date AND ${to}::date)::int AS escalated,
        count(*) FILTER (WHERE p.status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') AND p."dueOn" < ${today}::date)::int AS overdue
      FROM "Petition" p
      CROSS JOIN LATERAL (SELECT (p."resolvedAt" + interval '7 hours')::date AS day) r
      JOIN "Unit" u ON u.id = p."unitId"
      CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
      WHERE a.uid = ANY(${unitIds}::int[])
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
  for (const row of [...petitions, ...teams, ...briefings, ...trained]) {
    const target = out.get(row.unitId)!;
    for (const [key, value] of Object.entries(row)) if (key !== "unitId") (target as Record<string, number>)[key] += Number(value);
  }
  return out;
}
