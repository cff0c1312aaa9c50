-- ─── Petition codes from the counter row alone (decision 027) ─────────────────────────────
-- Petition codes are allocated from the counter row alone (decision 027): the counter is keyed
-- by the code's prefix, the district's (or province's) official code and the year, instead of
-- the unit. A new unit that reuses an official code (the 2025 reform) continues the numbering
-- of every earlier unit with that code, with no look at "Petition" when it intakes.

CREATE TABLE "PetitionCodeCounter_next" (
    "areaCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PetitionCodeCounter_next_pkey" PRIMARY KEY ("areaCode","year")
);

-- Every unit's counter under its code: the highest of the units that share the code.
INSERT INTO "PetitionCodeCounter_next" ("areaCode", "year", "last")
SELECT u.code, c.year, max(c.last)
FROM "PetitionCodeCounter" c JOIN "Unit" u ON u.id = c."unitId"
WHERE u.code IS NOT NULL
GROUP BY u.code, c.year;

-- Codes that no counter accounts for (a unit whose code changed, rows loaded by hand): once,
-- here, the highest number given out under each prefix, so that no code is given twice
-- (13 s at 5 M petitions on the bench machine; split_part is 3× faster than regexp_match).
INSERT INTO "PetitionCodeCounter_next" AS n ("areaCode", "year", "last")
SELECT split_part(code, '-', 1), split_part(code, '-', 2)::int, max(split_part(code, '-', 3)::int)
FROM "Petition"
WHERE code ~ '^[^-]+-[0-9]{4}-[0-9]{1,9}$'
GROUP BY 1, 2
ON CONFLICT ("areaCode", "year") DO UPDATE SET "last" = greatest(n."last", excluded."last");

DROP TABLE "PetitionCodeCounter";
ALTER TABLE "PetitionCodeCounter_next" RENAME TO "PetitionCodeCounter";
ALTER TABLE "PetitionCodeCounter" RENAME CONSTRAINT "PetitionCodeCounter_next_pkey" TO "PetitionCodeCounter_pkey";

-- ─── The nation's and the provinces' petition rollup rows in slots (decision 027) ──────────
-- Every intake adds to the nation's and its province's rows of the month. As one row each, they
-- made every writer in the country wait for the previous writer's commit (its WAL flush
-- included): 20 writers over 20 districts reached 270 intakes/s with the triggers, 1,230
-- without. Those two levels now keep up to 16 rows per key, one per "slot", the writer's
-- backend modulo 16, so concurrent writers mostly add to different rows; lower levels keep
-- slot 0. Every read sums the rows of a key (lib/dashboards/read.ts, lib/rollup/counts.ts),
-- and a rebuild writes slot 0 only.

ALTER TABLE "RollupPetition" ADD COLUMN "slot" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "RollupPetition" DROP CONSTRAINT "RollupPetition_pkey",
  ADD CONSTRAINT "RollupPetition_pkey" PRIMARY KEY ("unitId", "fieldId", "month", "slot");

ALTER TABLE "RollupPetitionStatus" ADD COLUMN "slot" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "RollupPetitionStatus" DROP CONSTRAINT "RollupPetitionStatus_pkey",
  ADD CONSTRAINT "RollupPetitionStatus_pkey" PRIMARY KEY ("unitId", "month", "status", "slot");

ALTER TABLE "RollupOpenDue" ADD COLUMN "slot" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "RollupOpenDue" DROP CONSTRAINT "RollupOpenDue_pkey",
  ADD CONSTRAINT "RollupOpenDue_pkey" PRIMARY KEY ("unitId", "dueOn", "slot");

-- The slot of a path position (1: the nation, 2: a province): the writer's own, else 0.
CREATE FUNCTION dv_rollup_slot(p_depth bigint) RETURNS smallint LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN p_depth <= 2 THEN (pg_backend_pid() % 16)::smallint ELSE 0::smallint END
$$;

-- The units of a record's path with their slots.
CREATE FUNCTION rollup_path_slots(p_unit int, p_paths jsonb) RETURNS TABLE (uid int, slot smallint) LANGUAGE sql STABLE AS $$
  SELECT x.uid, dv_rollup_slot(x.depth) FROM unnest(rollup_path(p_unit, p_paths)) WITH ORDINALITY AS x(uid, depth)
$$;

CREATE OR REPLACE FUNCTION rollup_petitions_apply(p_sign int, p_rows "Petition"[], p_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
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
  INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", slot, received, resolved, settled, explained, "resolvedOnTime", "resolveWorkingDays", replies, satisfied)
  SELECT a.uid, f.month, coalesce(f."fieldId", 0), a.slot, p_sign * sum(f.received), p_sign * sum(f.resolved), p_sign * sum(f.settled), p_sign * sum(f.explained),
         p_sign * sum(f.on_time), p_sign * sum(f.wdays), p_sign * sum(f.replies), p_sign * sum(f.satisfied)
  FROM f CROSS JOIN LATERAL rollup_path_slots(f."unitId", p_paths) AS a
  -- Each field's row, and the all-fields row (fieldId 0) the child tables read.
  GROUP BY GROUPING SETS ((a.uid, f.month, f."fieldId", a.slot), (a.uid, f.month, a.slot))
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("unitId", month, "fieldId", slot) DO UPDATE SET
    received = r.received + excluded.received, resolved = r.resolved + excluded.resolved, settled = r.settled + excluded.settled,
    explained = r.explained + excluded.explained, "resolvedOnTime" = r."resolvedOnTime" + excluded."resolvedOnTime",
    "resolveWorkingDays" = r."resolveWorkingDays" + excluded."resolveWorkingDays", replies = r.replies + excluded.replies,
    satisfied = r.satisfied + excluded.satisfied;

  INSERT INTO "RollupPetitionStatus" AS r ("unitId", month, status, slot, received)
  SELECT a.uid, dv_month(p."receivedOn"), p.status, a.slot, p_sign * count(*)
  FROM unnest(p_rows) p CROSS JOIN LATERAL rollup_path_slots(p."unitId", p_paths) AS a
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("unitId", month, status, slot) DO UPDATE SET received = r.received + excluded.received;

  INSERT INTO "RollupOpenDue" AS r ("unitId", "dueOn", slot, open)
  SELECT a.uid, p."dueOn", a.slot, p_sign * count(*)
  FROM unnest(p_rows) p CROSS JOIN LATERAL rollup_path_slots(p."unitId", p_paths) AS a
  WHERE p.status IN ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') AND p."dueOn" IS NOT NULL
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", "dueOn", slot) DO UPDATE SET open = r.open + excluded.open;
END $$;

CREATE OR REPLACE FUNCTION rollup_events_apply(p_sign int, p_events rollup_event[], p_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_events), 0) = 0 THEN RETURN; END IF;
  INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", slot, reopened, escalated)
  SELECT a.uid, dv_month(dv_vn_day(e.at)), coalesce(e.field_id, 0), a.slot,
         p_sign * count(*) FILTER (WHERE e.kind = 'REOPENED'), p_sign * count(*) FILTER (WHERE e.kind = 'ESCALATED')
  FROM unnest(p_events) e CROSS JOIN LATERAL rollup_path_slots(e.unit_id, p_paths) AS a
  WHERE e.kind IN ('REOPENED', 'ESCALATED')
  GROUP BY GROUPING SETS ((a.uid, dv_month(dv_vn_day(e.at)), e.field_id, a.slot), (a.uid, dv_month(dv_vn_day(e.at)), a.slot))
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("unitId", month, "fieldId", slot) DO UPDATE SET reopened = r.reopened + excluded.reopened, escalated = r.escalated + excluded.escalated;
END $$;
