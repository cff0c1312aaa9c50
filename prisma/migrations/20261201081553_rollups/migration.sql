-- CreateTable
CREATE TABLE "RollupPetition" (
    "unitId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "fieldId" INTEGER NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "settled" INTEGER NOT NULL DEFAULT 0,
    "explained" INTEGER NOT NULL DEFAULT 0,
    "resolvedOnTime" INTEGER NOT NULL DEFAULT 0,
    "resolveWorkingDays" INTEGER NOT NULL DEFAULT 0,
    "replies" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "escalated" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupPetition_pkey" PRIMARY KEY ("unitId","fieldId","month")
);

-- CreateTable
CREATE TABLE "RollupPetitionStatus" (
    "unitId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "status" "PetitionStatus" NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupPetitionStatus_pkey" PRIMARY KEY ("unitId","month","status")
);

-- CreateTable
CREATE TABLE "RollupOpenDue" (
    "unitId" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupOpenDue_pkey" PRIMARY KEY ("unitId","dueOn")
);

-- CreateTable
CREATE TABLE "RollupTeamMonth" (
    "organisationId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "meetings" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupTeamMonth_pkey" PRIMARY KEY ("organisationId","month")
);

-- CreateTable
CREATE TABLE "RollupCommuneQuarter" (
    "unitId" INTEGER NOT NULL,
    "quarter" DATE NOT NULL,
    "briefings" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupCommuneQuarter_pkey" PRIMARY KEY ("unitId","quarter")
);

-- CreateTable
CREATE TABLE "RollupMeeting" (
    "unitId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "teamsHeld" INTEGER NOT NULL DEFAULT 0,
    "briefingsHeld" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupMeeting_pkey" PRIMARY KEY ("unitId","month")
);

-- CreateTable
CREATE TABLE "RollupExpected" (
    "unitId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "teams" INTEGER NOT NULL DEFAULT 0,
    "communes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupExpected_pkey" PRIMARY KEY ("unitId","month")
);

-- CreateTable
CREATE TABLE "UnitPathHistory" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "ancestorIds" INTEGER[],
    "endedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitPathHistory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitPathHistory_unitId_endedOn_idx" ON "UnitPathHistory"("unitId", "endedOn");

-- CreateIndex
CREATE INDEX "UnitPathHistory_ancestorIds_idx" ON "UnitPathHistory" USING GIN ("ancestorIds");

-- CreateTable
CREATE TABLE "RollupCoverage" (
    "unitId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "villages" INTEGER NOT NULL DEFAULT 0,
    "villagesWithTeam" INTEGER NOT NULL DEFAULT 0,
    "teamHeads" INTEGER NOT NULL DEFAULT 0,
    "teamHeadsCell" INTEGER NOT NULL DEFAULT 0,
    "blocs" INTEGER NOT NULL DEFAULT 0,
    "blocsDeputy" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupCoverage_pkey" PRIMARY KEY ("unitId","day")
);

-- CreateTable
CREATE TABLE "RollupCoverageOrg" (
    "organisationId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "path" INTEGER[],
    "villagesWithTeam" INTEGER NOT NULL DEFAULT 0,
    "teamHeads" INTEGER NOT NULL DEFAULT 0,
    "teamHeadsCell" INTEGER NOT NULL DEFAULT 0,
    "blocs" INTEGER NOT NULL DEFAULT 0,
    "blocsDeputy" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupCoverageOrg_pkey" PRIMARY KEY ("organisationId","day")
);

-- ─── Rollup maintenance (decision 014) ──────────────────────────────────────
-- Triggers keep the Rollup* tables in the transaction of every write to Petition,
-- PetitionEvent, Meeting, Organisation and Unit. Each trigger takes away what the old rows
-- contributed and adds what the new rows contribute, computed by the same functions, so
-- the tables always equal a fresh aggregate (lib/rollup/rebuild.ts computes that one).
-- Statement-level triggers with transition tables keep bulk inserts to a few statements.
-- Every upsert is sorted by its key, so concurrent writers lock rollup rows in one order.

-- The Vietnam calendar day of a Prisma DateTime (UTC wall time); Vietnam has no summer time.
CREATE FUNCTION dv_vn_day(t timestamp) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT (t + interval '7 hours')::date $$;
CREATE FUNCTION dv_month(d date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', d::timestamp)::date $$;
CREATE FUNCTION dv_quarter(d date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('quarter', d::timestamp)::date $$;

-- Working days in (from_day, to_day], as lib/calendar's workingDaysBetween counts them, by the CalendarDay table.
CREATE FUNCTION dv_working_days(from_day date, to_day date) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT count(*)::int
  FROM generate_series(1, to_day - from_day) AS g(i)
  LEFT JOIN "CalendarDay" c ON c.date = from_day + g.i
  WHERE coalesce(c.kind = 'WORKING_DAY', extract(isodow FROM from_day + g.i) < 6)
$$;

-- The path a record of unit p_unit is rolled up along: the unit's own, or the one given in
-- p_paths ({"unitId": [ancestor ids]}), which a move uses to take out what the old path got.
CREATE FUNCTION rollup_path(p_unit int, p_paths jsonb) RETURNS int[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN p_paths ? p_unit::text
    THEN ARRAY(SELECT jsonb_array_elements_text(p_paths -> p_unit::text)::int)
    ELSE (SELECT "ancestorIds" FROM "Unit" WHERE id = p_unit) END
$$;

-- What petitions contribute, times p_sign (+1 or -1).
CREATE FUNCTION rollup_petitions_apply(p_sign int, p_rows "Petition"[], p_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_rows), 0) = 0 THEN RETURN; END IF;
  WITH f AS (
    SELECT p."unitId", p."fieldId", dv_month(p."receivedOn") AS month, 1 AS received, 0 AS resolved, 0 AS settled, 0 AS explained,
           0 AS on_time, 0 AS wdays, 0 AS replies, 0 AS satisfied
    FROM unnest(p_rows) p
    UNION ALL
    SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."resolvedAt")), 0, 1, (p.resolution = 'SETTLED')::int, (p.resolution = 'EXPLAINED')::int,
           (p."dueOn" IS NOT NULL AND dv_vn_day(p."resolvedAt") <= p."dueOn")::int, dv_working_days(p."receivedOn", dv_vn_day(p."resolvedAt")), 0, 0
    FROM unnest(p_rows) p WHERE p."resolvedAt" IS NOT NULL
    UNION ALL
    SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."closedAt")), 0, 0, 0, 0, 0, 0, 1, (p.satisfaction = 'SATISFIED')::int
    FROM unnest(p_rows) p WHERE p.satisfaction IS NOT NULL AND p."closedAt" IS NOT NULL
  )
  INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", received, resolved, settled, explained, "resolvedOnTime", "resolveWorkingDays", replies, satisfied)
  SELECT a.uid, f.month, coalesce(f."fieldId", 0), p_sign * sum(f.received), p_sign * sum(f.resolved), p_sign * sum(f.settled), p_sign * sum(f.explained),
         p_sign * sum(f.on_time), p_sign * sum(f.wdays), p_sign * sum(f.replies), p_sign * sum(f.satisfied)
  FROM f CROSS JOIN LATERAL unnest(rollup_path(f."unitId", p_paths)) AS a(uid)
  -- Each field's row, and the all-fields row (fieldId 0) the child tables read.
  GROUP BY GROUPING SETS ((a.uid, f.month, f."fieldId"), (a.uid, f.month))
  ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", month, "fieldId") DO UPDATE SET
    received = r.received + excluded.received, resolved = r.resolved + excluded.resolved, settled = r.settled + excluded.settled,
    explained = r.explained + excluded.explained, "resolvedOnTime" = r."resolvedOnTime" + excluded."resolvedOnTime",
    "resolveWorkingDays" = r."resolveWorkingDays" + excluded."resolveWorkingDays", replies = r.replies + excluded.replies,
    satisfied = r.satisfied + excluded.satisfied;

  INSERT INTO "RollupPetitionStatus" AS r ("unitId", month, status, received)
  SELECT a.uid, dv_month(p."receivedOn"), p.status, p_sign * count(*)
  FROM unnest(p_rows) p CROSS JOIN LATERAL unnest(rollup_path(p."unitId", p_paths)) AS a(uid)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", month, status) DO UPDATE SET received = r.received + excluded.received;

  INSERT INTO "RollupOpenDue" AS r ("unitId", "dueOn", open)
  SELECT a.uid, p."dueOn", p_sign * count(*)
  FROM unnest(p_rows) p CROSS JOIN LATERAL unnest(rollup_path(p."unitId", p_paths)) AS a(uid)
  WHERE p.status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') AND p."dueOn" IS NOT NULL
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", "dueOn") DO UPDATE SET open = r.open + excluded.open;
END $$;

-- A REOPENED or ESCALATED event, with the unit and field of its petition.
CREATE TYPE rollup_event AS (unit_id int, field_id int, kind text, at timestamp);

CREATE FUNCTION rollup_events_apply(p_sign int, p_events rollup_event[], p_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_events), 0) = 0 THEN RETURN; END IF;
  INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", reopened, escalated)
  SELECT a.uid, dv_month(dv_vn_day(e.at)), coalesce(e.field_id, 0),
         p_sign * count(*) FILTER (WHERE e.kind = 'REOPENED'), p_sign * count(*) FILTER (WHERE e.kind = 'ESCALATED')
  FROM unnest(p_events) e CROSS JOIN LATERAL unnest(rollup_path(e.unit_id, p_paths)) AS a(uid)
  WHERE e.kind IN ('REOPENED', 'ESCALATED')
  GROUP BY GROUPING SETS ((a.uid, dv_month(dv_vn_day(e.at)), e.field_id), (a.uid, dv_month(dv_vn_day(e.at))))
  ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", month, "fieldId") DO UPDATE SET reopened = r.reopened + excluded.reopened, escalated = r.escalated + excluded.escalated;
END $$;

-- A team (or any organisation: only TEAM counts) with the dates and path of its unit.
CREATE TYPE rollup_team AS (org_id int, kind text, established date, dissolved date, valid_from date, valid_to date, path int[]);

-- Expected and held team meetings of teams, times p_sign. A team is expected in the months
-- it is active (established by the month's end, not dissolved before its start, its unit
-- valid during it); it counts as held in an active month with a TEAM_MONTHLY meeting.
CREATE FUNCTION rollup_teams_apply(p_sign int, p_teams rollup_team[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_teams), 0) = 0 THEN RETURN; END IF;
  WITH t AS (
    SELECT x.org_id, x.path,
           greatest(dv_month(coalesce(x.established, '1900-01-01')), dv_month(coalesce(x.valid_from, '1900-01-01'))) AS first_m,
           least(dv_month(x.dissolved), dv_month(x.valid_to)) AS last_m
    FROM unnest(p_teams) x WHERE x.kind = 'TEAM'
  ), d AS (
    SELECT t.path, t.first_m AS month, 1 AS delta FROM t WHERE t.last_m IS NULL OR t.first_m <= t.last_m
    UNION ALL
    SELECT t.path, (t.last_m + interval '1 month')::date, -1 FROM t WHERE t.first_m <= t.last_m
  )
  INSERT INTO "RollupExpected" AS r ("unitId", month, teams)
  SELECT a.uid, d.month, p_sign * sum(d.delta) FROM d CROSS JOIN LATERAL unnest(d.path) AS a(uid)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", month) DO UPDATE SET teams = r.teams + excluded.teams;

  WITH t AS (
    SELECT x.org_id, x.path,
           greatest(dv_month(coalesce(x.established, '1900-01-01')), dv_month(coalesce(x.valid_from, '1900-01-01'))) AS first_m,
           least(dv_month(x.dissolved), dv_month(x.valid_to)) AS last_m
    FROM unnest(p_teams) x WHERE x.kind = 'TEAM'
  )
  INSERT INTO "RollupMeeting" AS r ("unitId", month, "teamsHeld")
  SELECT a.uid, m.month, p_sign * count(*)
  FROM t JOIN "RollupTeamMonth" m ON m."organisationId" = t.org_id
  CROSS JOIN LATERAL unnest(t.path) AS a(uid)
  WHERE m.meetings > 0 AND m.month >= t.first_m AND (t.last_m IS NULL OR m.month <= t.last_m)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", month) DO UPDATE SET "teamsHeld" = r."teamsHeld" + excluded."teamsHeld";
END $$;

-- A unit with its dates and path: communes are expected to hold a briefing in each quarter they are valid in.
CREATE TYPE rollup_commune AS (unit_id int, level text, valid_from date, valid_to date, path int[]);

CREATE FUNCTION rollup_communes_apply(p_sign int, p_units rollup_commune[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_units), 0) = 0 THEN RETURN; END IF;
  WITH c AS (
    SELECT x.unit_id, x.path, dv_quarter(coalesce(x.valid_from, '1900-01-01')) AS first_q, dv_quarter(x.valid_to) AS last_q
    FROM unnest(p_units) x WHERE x.level = 'COMMUNE'
  ), d AS (
    SELECT c.path, c.first_q AS month, 1 AS delta FROM c WHERE c.last_q IS NULL OR c.first_q <= c.last_q
    UNION ALL
    SELECT c.path, (c.last_q + interval '3 months')::date, -1 FROM c WHERE c.first_q <= c.last_q
  )
  INSERT INTO "RollupExpected" AS r ("unitId", month, communes)
  SELECT a.uid, d.month, p_sign * sum(d.delta) FROM d CROSS JOIN LATERAL unnest(d.path) AS a(uid)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", month) DO UPDATE SET communes = r.communes + excluded.communes;

  WITH c AS (
    SELECT x.unit_id, x.path, dv_quarter(coalesce(x.valid_from, '1900-01-01')) AS first_q, dv_quarter(x.valid_to) AS last_q
    FROM unnest(p_units) x WHERE x.level = 'COMMUNE'
  )
  INSERT INTO "RollupMeeting" AS r ("unitId", month, "briefingsHeld")
  SELECT a.uid, q.quarter, p_sign * count(*)
  FROM c JOIN "RollupCommuneQuarter" q ON q."unitId" = c.unit_id
  CROSS JOIN LATERAL unnest(c.path) AS a(uid)
  WHERE q.briefings > 0 AND q.quarter >= c.first_q AND (c.last_q IS NULL OR q.quarter <= c.last_q)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", month) DO UPDATE SET "briefingsHeld" = r."briefingsHeld" + excluded."briefingsHeld";
END $$;

-- Meetings, times p_sign: per-team and per-commune counts, and "held" where a count starts or stops being zero.
CREATE FUNCTION rollup_meetings_apply(p_sign int, p_rows "Meeting"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_rows), 0) = 0 THEN RETURN; END IF;
  WITH d AS (
    SELECT m."organisationId" AS org_id, dv_month(m."heldOn") AS month, p_sign * count(*)::int AS delta
    FROM unnest(p_rows) m WHERE m.kind = 'TEAM_MONTHLY' AND m."organisationId" IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2
  ), up AS (
    INSERT INTO "RollupTeamMonth" AS r ("organisationId", month, meetings) SELECT d.org_id, d.month, d.delta FROM d
    ON CONFLICT ("organisationId", month) DO UPDATE SET meetings = r.meetings + excluded.meetings
    RETURNING r."organisationId", r.month, r.meetings
  ), flip AS (
    SELECT up."organisationId", up.month, CASE WHEN up.meetings > 0 THEN 1 ELSE -1 END AS delta
    FROM up JOIN d ON d.org_id = up."organisationId" AND d.month = up.month
    WHERE (up.meetings > 0) <> (up.meetings - d.delta > 0)
  )
  INSERT INTO "RollupMeeting" AS r ("unitId", month, "teamsHeld")
  SELECT a.uid, f.month, sum(f.delta)
  FROM flip f
  JOIN "Organisation" o ON o.id = f."organisationId" AND o.kind = 'TEAM'
  JOIN "Unit" u ON u.id = o."unitId"
  CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
  WHERE f.month >= greatest(dv_month(coalesce(o."establishedOn", '1900-01-01')), dv_month(coalesce(u."validFrom", '1900-01-01')))
    AND f.month <= coalesce(least(dv_month(o."dissolvedOn"), dv_month(u."validTo")), 'infinity')
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", month) DO UPDATE SET "teamsHeld" = r."teamsHeld" + excluded."teamsHeld";

  WITH d AS (
    SELECT m."unitId" AS unit_id, dv_quarter(m."heldOn") AS quarter, p_sign * count(*)::int AS delta
    FROM unnest(p_rows) m WHERE m.kind = 'QUARTERLY_BRIEFING'
    GROUP BY 1, 2 ORDER BY 1, 2
  ), up AS (
    INSERT INTO "RollupCommuneQuarter" AS r ("unitId", quarter, briefings) SELECT d.unit_id, d.quarter, d.delta FROM d
    ON CONFLICT ("unitId", quarter) DO UPDATE SET briefings = r.briefings + excluded.briefings
    RETURNING r."unitId", r.quarter, r.briefings
  ), flip AS (
    SELECT up."unitId", up.quarter, CASE WHEN up.briefings > 0 THEN 1 ELSE -1 END AS delta
    FROM up JOIN d ON d.unit_id = up."unitId" AND d.quarter = up.quarter
    WHERE (up.briefings > 0) <> (up.briefings - d.delta > 0)
  )
  INSERT INTO "RollupMeeting" AS r ("unitId", month, "briefingsHeld")
  SELECT a.uid, f.quarter, sum(f.delta)
  FROM flip f
  JOIN "Unit" u ON u.id = f."unitId" AND u.level = 'COMMUNE'
  CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
  WHERE f.quarter >= dv_quarter(coalesce(u."validFrom", '1900-01-01')) AND f.quarter <= coalesce(dv_quarter(u."validTo"), 'infinity')
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", month) DO UPDATE SET "briefingsHeld" = r."briefingsHeld" + excluded."briefingsHeld";
END $$;

-- ─── Coverage (decision 014) ─────────────────────────────────────────
-- The figures of lib/organisations/coverage.ts as dated changes (+1 on the first day, -1 on
-- the day after the last), so that any day's coverage is a sum over a few rows. An
-- organisation's changes depend on its dates, its unit's dates and path, and its HEAD
-- memberships: each write to any of them recomputes that organisation's changes, taking
-- back what it had added (RollupCoverageOrg) first.

CREATE FUNCTION rollup_coverage_add(p_sign int, p_org_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RollupCoverage" AS r ("unitId", day, "villagesWithTeam", "teamHeads", "teamHeadsCell", blocs, "blocsDeputy")
  SELECT a.uid, m.day, p_sign * sum(m."villagesWithTeam"), p_sign * sum(m."teamHeads"), p_sign * sum(m."teamHeadsCell"),
         p_sign * sum(m.blocs), p_sign * sum(m."blocsDeputy")
  FROM "RollupCoverageOrg" m CROSS JOIN LATERAL unnest(m.path) AS a(uid)
  WHERE m."organisationId" = ANY(p_org_ids)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", day) DO UPDATE SET
    "villagesWithTeam" = r."villagesWithTeam" + excluded."villagesWithTeam", "teamHeads" = r."teamHeads" + excluded."teamHeads",
    "teamHeadsCell" = r."teamHeadsCell" + excluded."teamHeadsCell", blocs = r.blocs + excluded.blocs, "blocsDeputy" = r."blocsDeputy" + excluded."blocsDeputy";
END $$;

CREATE FUNCTION rollup_coverage_orgs(p_org_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_org_ids), 0) = 0 THEN RETURN; END IF;
  PERFORM rollup_coverage_add(-1, p_org_ids);
  DELETE FROM "RollupCoverageOrg" WHERE "organisationId" = ANY(p_org_ids);
  INSERT INTO "RollupCoverageOrg" ("organisationId", day, path, "villagesWithTeam", "teamHeads", "teamHeadsCell", blocs, "blocsDeputy")
  WITH act AS (
    -- Current on d: established on or before d, dissolved after d; its unit valid on d.
    SELECT o.id, o.kind, u.level, u."ancestorIds" AS path,
           greatest(coalesce(o."establishedOn", DATE '1900-01-01'), coalesce(u."validFrom", DATE '1900-01-01')) AS lo,
           least(o."dissolvedOn" - 1, u."validTo") AS hi
    FROM "Organisation" o JOIN "Unit" u ON u.id = o."unitId"
    WHERE o.id = ANY(p_org_ids) AND cardinality(u."ancestorIds") > 0
  ), live AS (
    SELECT * FROM act WHERE hi IS NULL OR lo <= hi
  ), heads AS (
    -- HEAD memberships within the organisation's current days; "special" = the expected head.
    SELECT l.id, m.representing = (CASE WHEN l.kind = 'TEAM' THEN 'PARTY_CELL_SECRETARY' ELSE 'PARTY_STANDING_DEPUTY' END)::"Affiliation" AS special,
           greatest(m."termStart", l.lo) AS s, least(m."termEnd", l.hi) AS e
    FROM live l JOIN "Membership" m ON m."organisationId" = l.id AND m.role = 'HEAD'
  ), spans AS (
    SELECT id, false AS only_special, s, coalesce(e, 'infinity') AS e FROM heads WHERE e IS NULL OR s <= e
    UNION ALL
    SELECT id, true, s, coalesce(e, 'infinity') FROM heads WHERE special AND (e IS NULL OR s <= e)
  ), ordered AS (
    SELECT spans.*, max(e) OVER (PARTITION BY id, only_special ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
    FROM spans
  ), grouped AS (
    SELECT ordered.*, sum(CASE WHEN before_end IS NULL OR s > before_end + 1 THEN 1 ELSE 0 END)
             OVER (PARTITION BY id, only_special ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
    FROM ordered
  ), islands AS (
    -- The days with at least one head: overlapping or touching terms joined.
    SELECT id, only_special, min(s) AS s, max(e) AS e FROM grouped GROUP BY id, only_special, island
  ), d AS (
    SELECT l.id, l.lo AS day, (l.kind = 'TEAM' AND l.level = 'VILLAGE')::int AS wt, 0 AS th, 0 AS tc, (l.kind = 'BLOC')::int AS bl, 0 AS bd FROM live l
    UNION ALL
    SELECT l.id, l.hi + 1, -(l.kind = 'TEAM' AND l.level = 'VILLAGE')::int, 0, 0, -(l.kind = 'BLOC')::int, 0 FROM live l WHERE l.hi IS NOT NULL
    UNION ALL
    SELECT i.id, i.s, 0, (l.kind = 'TEAM' AND NOT i.only_special)::int, (l.kind = 'TEAM' AND i.only_special)::int, 0, (l.kind = 'BLOC' AND i.only_special)::int
    FROM islands i JOIN live l ON l.id = i.id
    UNION ALL
    SELECT i.id, i.e + 1, 0, -(l.kind = 'TEAM' AND NOT i.only_special)::int, -(l.kind = 'TEAM' AND i.only_special)::int, 0, -(l.kind = 'BLOC' AND i.only_special)::int
    FROM islands i JOIN live l ON l.id = i.id WHERE i.e <> 'infinity'
  )
  SELECT d.id, d.day, l.path, sum(d.wt), sum(d.th), sum(d.tc), sum(d.bl), sum(d.bd)
  FROM d JOIN live l ON l.id = d.id
  GROUP BY d.id, d.day, l.path
  HAVING sum(d.wt) <> 0 OR sum(d.th) <> 0 OR sum(d.tc) <> 0 OR sum(d.bl) <> 0 OR sum(d.bd) <> 0;
  PERFORM rollup_coverage_add(1, p_org_ids);
END $$;

-- Villages counted by coverage, besides the communes' briefings.
CREATE FUNCTION rollup_villages_apply(p_sign int, p_units rollup_commune[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_units), 0) = 0 THEN RETURN; END IF;
  WITH v AS (
    SELECT x.path, coalesce(x.valid_from, DATE '1900-01-01') AS lo, x.valid_to AS hi FROM unnest(p_units) x
    WHERE x.level = 'VILLAGE' AND (x.valid_to IS NULL OR coalesce(x.valid_from, DATE '1900-01-01') <= x.valid_to)
  ), d AS (
    SELECT v.path, v.lo AS day, 1 AS delta FROM v
    UNION ALL
    SELECT v.path, v.hi + 1, -1 FROM v WHERE v.hi IS NOT NULL
  )
  INSERT INTO "RollupCoverage" AS r ("unitId", day, villages)
  SELECT a.uid, d.day, p_sign * sum(d.delta) FROM d CROSS JOIN LATERAL unnest(d.path) AS a(uid)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", day) DO UPDATE SET villages = r.villages + excluded.villages;
END $$;

CREATE FUNCTION rollup_membership_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_coverage_orgs(ARRAY(SELECT DISTINCT "organisationId" FROM new_rows ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_coverage_orgs(ARRAY(SELECT DISTINCT "organisationId" FROM old_rows ORDER BY 1));
  ELSE
    PERFORM rollup_coverage_orgs(ARRAY(SELECT "organisationId" FROM new_rows UNION SELECT "organisationId" FROM old_rows ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_membership_insert AFTER INSERT ON "Membership" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_membership_change();
CREATE TRIGGER rollup_membership_update AFTER UPDATE ON "Membership" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_membership_change();
CREATE TRIGGER rollup_membership_delete AFTER DELETE ON "Membership" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_membership_change();

-- Organisations: their coverage as well as their meetings.
CREATE FUNCTION rollup_organisation_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_coverage_orgs(ARRAY(SELECT id FROM new_rows ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_coverage_orgs(ARRAY(SELECT id FROM old_rows ORDER BY 1));
  ELSE
    PERFORM rollup_coverage_orgs(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.kind, n."unitId", n."establishedOn", n."dissolvedOn") IS DISTINCT FROM (o.kind, o."unitId", o."establishedOn", o."dissolvedOn")
      ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_organisation_coverage_insert AFTER INSERT ON "Organisation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_organisation_coverage();
CREATE TRIGGER rollup_organisation_coverage_update AFTER UPDATE ON "Organisation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_organisation_coverage();
CREATE TRIGGER rollup_organisation_coverage_delete AFTER DELETE ON "Organisation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_organisation_coverage();

-- ─── The triggers ───────────────────────────────────────────────────────────

CREATE FUNCTION rollup_petition_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_petitions_apply(1, ARRAY(SELECT n::"Petition" FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION rollup_petition_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  olds "Petition"[];
  news "Petition"[];
BEGIN
  -- Only rows whose rolled-up columns changed (a comment or an attachment changes none).
  -- EXECUTE plans the pairing at each call (see rollup_unit_update).
  EXECUTE $q$
    SELECT array_agg(o::"Petition" ORDER BY o.id), array_agg(n::"Petition" ORDER BY o.id)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o."unitId", o."fieldId", o."receivedOn", o.status, o."dueOn", o."resolvedAt", o.resolution, o."closedAt", o.satisfaction)
      IS DISTINCT FROM (n."unitId", n."fieldId", n."receivedOn", n.status, n."dueOn", n."resolvedAt", n.resolution, n."closedAt", n.satisfaction)
  $q$ INTO olds, news;
  IF olds IS NULL THEN RETURN NULL; END IF;
  PERFORM rollup_petitions_apply(-1, olds);
  PERFORM rollup_petitions_apply(1, news);
  -- A petition moved to another unit or field takes its timeline's events along.
  PERFORM rollup_events_apply(-1, ARRAY(
    SELECT (o."unitId", o."fieldId", e.kind::text, e.at)::rollup_event
    FROM unnest(olds) WITH ORDINALITY AS o JOIN unnest(news) WITH ORDINALITY AS n ON n.ordinality = o.ordinality
    JOIN "PetitionEvent" e ON e."petitionId" = o.id AND e.kind IN ('REOPENED', 'ESCALATED')
    WHERE (o."unitId", o."fieldId") IS DISTINCT FROM (n."unitId", n."fieldId")));
  PERFORM rollup_events_apply(1, ARRAY(
    SELECT (n."unitId", n."fieldId", e.kind::text, e.at)::rollup_event
    FROM unnest(olds) WITH ORDINALITY AS o JOIN unnest(news) WITH ORDINALITY AS n ON n.ordinality = o.ordinality
    JOIN "PetitionEvent" e ON e."petitionId" = n.id AND e.kind IN ('REOPENED', 'ESCALATED')
    WHERE (o."unitId", o."fieldId") IS DISTINCT FROM (n."unitId", n."fieldId")));
  RETURN NULL;
END $$;

-- Row-level and BEFORE: the petition's events are still there to take out (the cascade
-- deletes them afterwards, and their own trigger then finds no petition).
CREATE FUNCTION rollup_petition_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_petitions_apply(-1, ARRAY[OLD]);
  PERFORM rollup_events_apply(-1, ARRAY(
    SELECT (OLD."unitId", OLD."fieldId", e.kind::text, e.at)::rollup_event FROM "PetitionEvent" e
    WHERE e."petitionId" = OLD.id AND e.kind IN ('REOPENED', 'ESCALATED')));
  RETURN OLD;
END $$;

CREATE TRIGGER rollup_petition_insert AFTER INSERT ON "Petition" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_petition_insert();
CREATE TRIGGER rollup_petition_update AFTER UPDATE ON "Petition" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_petition_update();
CREATE TRIGGER rollup_petition_delete BEFORE DELETE ON "Petition" FOR EACH ROW EXECUTE FUNCTION rollup_petition_delete();

CREATE FUNCTION rollup_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM rollup_events_apply(-1, ARRAY(
      SELECT (p."unitId", p."fieldId", e.kind::text, e.at)::rollup_event FROM old_rows e JOIN "Petition" p ON p.id = e."petitionId"
      WHERE e.kind IN ('REOPENED', 'ESCALATED')));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM rollup_events_apply(1, ARRAY(
      SELECT (p."unitId", p."fieldId", e.kind::text, e.at)::rollup_event FROM new_rows e JOIN "Petition" p ON p.id = e."petitionId"
      WHERE e.kind IN ('REOPENED', 'ESCALATED')));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_event_insert AFTER INSERT ON "PetitionEvent" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_event_change();
CREATE TRIGGER rollup_event_update AFTER UPDATE ON "PetitionEvent" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_event_change();
CREATE TRIGGER rollup_event_delete AFTER DELETE ON "PetitionEvent" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_event_change();

CREATE FUNCTION rollup_meeting_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM rollup_meetings_apply(-1, ARRAY(
      SELECT o::"Meeting" FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.kind, o."organisationId", o."unitId", o."heldOn") IS DISTINCT FROM (n.kind, n."organisationId", n."unitId", n."heldOn")));
    PERFORM rollup_meetings_apply(1, ARRAY(
      SELECT n::"Meeting" FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.kind, o."organisationId", o."unitId", o."heldOn") IS DISTINCT FROM (n.kind, n."organisationId", n."unitId", n."heldOn")));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_meetings_apply(-1, ARRAY(SELECT o::"Meeting" FROM old_rows o));
  ELSE
    PERFORM rollup_meetings_apply(1, ARRAY(SELECT n::"Meeting" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_meeting_insert AFTER INSERT ON "Meeting" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_meeting_change();
CREATE TRIGGER rollup_meeting_update AFTER UPDATE ON "Meeting" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_meeting_change();
CREATE TRIGGER rollup_meeting_delete AFTER DELETE ON "Meeting" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_meeting_change();

CREATE FUNCTION rollup_organisation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its operation has.
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_teams_apply(1, ARRAY(
      SELECT (n.id, n.kind::text, n."establishedOn", n."dissolvedOn", u."validFrom", u."validTo", u."ancestorIds")::rollup_team
      FROM new_rows n JOIN "Unit" u ON u.id = n."unitId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_teams_apply(-1, ARRAY(
      SELECT (o.id, o.kind::text, o."establishedOn", o."dissolvedOn", u."validFrom", u."validTo", u."ancestorIds")::rollup_team
      FROM old_rows o JOIN "Unit" u ON u.id = o."unitId"));
  ELSE
    PERFORM rollup_teams_apply(-1, ARRAY(
      SELECT (o.id, o.kind::text, o."establishedOn", o."dissolvedOn", u."validFrom", u."validTo", u."ancestorIds")::rollup_team
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "Unit" u ON u.id = o."unitId"
      WHERE (n.kind, n."unitId", n."establishedOn", n."dissolvedOn") IS DISTINCT FROM (o.kind, o."unitId", o."establishedOn", o."dissolvedOn")));
    PERFORM rollup_teams_apply(1, ARRAY(
      SELECT (n.id, n.kind::text, n."establishedOn", n."dissolvedOn", u."validFrom", u."validTo", u."ancestorIds")::rollup_team
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "Unit" u ON u.id = n."unitId"
      WHERE (n.kind, n."unitId", n."establishedOn", n."dissolvedOn") IS DISTINCT FROM (o.kind, o."unitId", o."establishedOn", o."dissolvedOn")));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_organisation_insert AFTER INSERT ON "Organisation" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_organisation_change();
CREATE TRIGGER rollup_organisation_update AFTER UPDATE ON "Organisation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_organisation_change();
CREATE TRIGGER rollup_organisation_delete AFTER DELETE ON "Organisation" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_organisation_change();

CREATE FUNCTION rollup_unit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_communes_apply(1, ARRAY(SELECT (n.id, n.level::text, n."validFrom", n."validTo", n."ancestorIds")::rollup_commune FROM new_rows n));
  PERFORM rollup_villages_apply(1, ARRAY(SELECT (n.id, n.level::text, n."validFrom", n."validTo", n."ancestorIds")::rollup_commune FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION rollup_unit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_communes_apply(-1, ARRAY(SELECT (o.id, o.level::text, o."validFrom", o."validTo", o."ancestorIds")::rollup_commune FROM old_rows o));
  PERFORM rollup_villages_apply(-1, ARRAY(SELECT (o.id, o.level::text, o."validFrom", o."validTo", o."ancestorIds")::rollup_commune FROM old_rows o));
  RETURN NULL;
END $$;

-- A unit that moves (its path changes) takes its records along, and its old path goes into
-- UnitPathHistory, ended on the day before `dv.path_changed_on` (set by a merger to its
-- effective date) or, by default, yesterday in Vietnam. A unit whose dates change changes
-- the meetings expected of it and of its team, and coverage.
CREATE TYPE rollup_unit_change AS (
  id int, old_level text, old_path int[], old_from date, old_to date, new_level text, new_path int[], new_from date, new_to date
);

CREATE FUNCTION rollup_unit_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_unit_change[];
  moved int[];
  old_paths jsonb;
  changed_on date := coalesce(nullif(current_setting('dv.path_changed_on', true), '')::date, dv_vn_day((now() AT TIME ZONE 'UTC')::timestamp));
BEGIN
  -- EXECUTE plans the pairing at each call: a plan cached for one row would pair the
  -- 10,000 rows of a merger by nested loop (70 s instead of milliseconds).
  EXECUTE $q$
    SELECT array_agg((o.id, o.level::text, o."ancestorIds", o."validFrom", o."validTo", n.level::text, n."ancestorIds", n."validFrom", n."validTo")::rollup_unit_change ORDER BY o.id)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.level, o."ancestorIds", o."validFrom", o."validTo") IS DISTINCT FROM (n.level, n."ancestorIds", n."validFrom", n."validTo")
  $q$ INTO changes;
  IF changes IS NULL THEN RETURN NULL; END IF;

  -- A unit just made had the empty path and nothing rolled up.
  SELECT array_agg(c.id ORDER BY c.id), jsonb_object_agg(c.id::text, to_jsonb(c.old_path)) INTO moved, old_paths
  FROM unnest(changes) c WHERE c.old_path IS DISTINCT FROM c.new_path AND cardinality(c.old_path) > 0;
  IF moved IS NOT NULL THEN
    INSERT INTO "UnitPathHistory" ("unitId", "ancestorIds", "endedOn")
    SELECT c.id, c.old_path, changed_on - 1 FROM unnest(changes) c WHERE c.id = ANY(moved) ORDER BY c.id;
    PERFORM rollup_petitions_apply(-1, ARRAY(SELECT p FROM "Petition" p WHERE p."unitId" = ANY(moved)), old_paths);
    PERFORM rollup_petitions_apply(1, ARRAY(SELECT p FROM "Petition" p WHERE p."unitId" = ANY(moved)));
    PERFORM rollup_events_apply(-1, ARRAY(
      SELECT (p."unitId", p."fieldId", e.kind::text, e.at)::rollup_event FROM "Petition" p JOIN "PetitionEvent" e ON e."petitionId" = p.id
      WHERE p."unitId" = ANY(moved) AND e.kind IN ('REOPENED', 'ESCALATED')), old_paths);
    PERFORM rollup_events_apply(1, ARRAY(
      SELECT (p."unitId", p."fieldId", e.kind::text, e.at)::rollup_event FROM "Petition" p JOIN "PetitionEvent" e ON e."petitionId" = p.id
      WHERE p."unitId" = ANY(moved) AND e.kind IN ('REOPENED', 'ESCALATED')));
  END IF;

  PERFORM rollup_teams_apply(-1, ARRAY(
    SELECT (t.id, t.kind::text, t."establishedOn", t."dissolvedOn", c.old_from, c.old_to, c.old_path)::rollup_team
    FROM unnest(changes) c JOIN "Organisation" t ON t."unitId" = c.id));
  PERFORM rollup_teams_apply(1, ARRAY(
    SELECT (t.id, t.kind::text, t."establishedOn", t."dissolvedOn", c.new_from, c.new_to, c.new_path)::rollup_team
    FROM unnest(changes) c JOIN "Organisation" t ON t."unitId" = c.id));
  PERFORM rollup_communes_apply(-1, ARRAY(SELECT (c.id, c.old_level, c.old_from, c.old_to, c.old_path)::rollup_commune FROM unnest(changes) c));
  PERFORM rollup_communes_apply(1, ARRAY(SELECT (c.id, c.new_level, c.new_from, c.new_to, c.new_path)::rollup_commune FROM unnest(changes) c));
  PERFORM rollup_villages_apply(-1, ARRAY(SELECT (c.id, c.old_level, c.old_from, c.old_to, c.old_path)::rollup_commune FROM unnest(changes) c));
  PERFORM rollup_villages_apply(1, ARRAY(SELECT (c.id, c.new_level, c.new_from, c.new_to, c.new_path)::rollup_commune FROM unnest(changes) c));
  PERFORM rollup_coverage_orgs(ARRAY(SELECT t.id FROM unnest(changes) c JOIN "Organisation" t ON t."unitId" = c.id ORDER BY 1));
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_unit_insert AFTER INSERT ON "Unit" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_unit_insert();
CREATE TRIGGER rollup_unit_update AFTER UPDATE ON "Unit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_unit_update();
CREATE TRIGGER rollup_unit_delete AFTER DELETE ON "Unit" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_unit_delete();
