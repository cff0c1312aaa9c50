-- A petition received but not yet assigned has a deadline of its own, to be assigned: so many working days after
-- receipt, set per field (issue 15, part 6; decision 051). It is the petition's "dueOn" until an agency takes it,
-- when the deadline to resolve replaces it, so every count of overdue petitions (the list, the home page, the
-- RollupOpenDue rows the reports read) counts it with no change of its own.

-- AlterTable
ALTER TABLE "PetitionField" ADD COLUMN     "assignmentDeadlineDays" INTEGER NOT NULL DEFAULT 5;
-- Never after the deadline to resolve, which also runs from receipt.
UPDATE "PetitionField" SET "assignmentDeadlineDays" = "defaultDeadlineDays" WHERE "defaultDeadlineDays" < 5;

-- The n-th working day after from_day (from_day itself never counts), as lib/calendar's addWorkingDays counts it,
-- by the CalendarDay table (the same test of a day as dv_working_days). The app computes deadlines in TypeScript
-- (deadlineFor); this is the migration's, and a test holds the two equal.
CREATE FUNCTION dv_add_working_days(from_day date, n int) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN n <= 0 THEN from_day ELSE (
    SELECT w.d FROM (
      SELECT from_day + g.i AS d
      FROM generate_series(1, n * 2 + 60) AS g(i)
      LEFT JOIN "CalendarDay" c ON c.date = from_day + g.i
      WHERE coalesce(c.kind = 'WORKING_DAY', extract(isodow FROM from_day + g.i) < 6)
      ORDER BY 1 OFFSET n - 1 LIMIT 1
    ) w
  ) END
$$;

-- The petitions already recorded that no agency holds get their deadline to assign: from receipt, or from their
-- last reopening (a reopened petition starts again from that day, decision 012). Those resolved are left alone
-- (a petition is resolved only once assigned). The rollup trigger is off for the update: the only figure that
-- changes is RollupOpenDue's (open petitions by deadline), added below for the open ones in one statement.
ALTER TABLE "Petition" DISABLE TRIGGER rollup_petition_update;
WITH todo AS (
  SELECT p.id, f."assignmentDeadlineDays" AS n,
         greatest(p."receivedOn", (SELECT dv_vn_day(max(e.at)) FROM "PetitionEvent" e WHERE e."petitionId" = p.id AND e.kind = 'REOPENED')) AS start
  FROM "Petition" p JOIN "PetitionField" f ON f.id = p."fieldId"
  WHERE p."agencyId" IS NULL AND p."dueOn" IS NULL AND p."resolvedAt" IS NULL
),
due AS (
  SELECT d.start, d.n, dv_add_working_days(d.start, d.n) AS "dueOn" FROM (SELECT DISTINCT start, n FROM todo) d
),
updated AS (
  UPDATE "Petition" p SET "dueOn" = due."dueOn"
  FROM todo JOIN due ON due.start = todo.start AND due.n = todo.n
  WHERE p.id = todo.id
  RETURNING p."unitId", p."dueOn", p."isOpen"
)
INSERT INTO "RollupOpenDue" AS r ("unitId", "dueOn", slot, open)
SELECT a.uid, u."dueOn", 0, count(*)::int
FROM updated u CROSS JOIN LATERAL unnest(rollup_path(u."unitId", NULL)) AS a(uid)
WHERE u."isOpen"
GROUP BY 1, 2 ORDER BY 1, 2
ON CONFLICT ("unitId", "dueOn", slot) DO UPDATE SET open = r.open + excluded.open;
ALTER TABLE "Petition" ENABLE TRIGGER rollup_petition_update;
