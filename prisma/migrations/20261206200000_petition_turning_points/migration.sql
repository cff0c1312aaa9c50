-- When a petition was first reopened and when it was escalated: columns of the petition, as its resolution's
-- time is (decision 044). The dashboards counted reopenings and escalations from the timeline's events, so
-- a petition reopened twice in a quarter counted twice, and no list of petitions could show the figure's
-- count. They now count petitions, at the month of their first reopening and of their escalation (a
-- petition is escalated once: ESCALATED ends its workflow). The petition row's own rollup (one function,
-- rollup_petitions_apply) then holds every petition measure, and the timeline's rollup goes.
ALTER TABLE "Petition" ADD COLUMN "reopenedAt" TIMESTAMP(3), ADD COLUMN "escalatedAt" TIMESTAMP(3);

-- The petitions already recorded, from their timelines (the rollups are restated below, in one pass).
ALTER TABLE "Petition" DISABLE TRIGGER rollup_petition_update;
UPDATE "Petition" p SET "reopenedAt" = e.at
FROM (SELECT "petitionId", min(at) AS at FROM "PetitionEvent" WHERE kind = 'REOPENED' GROUP BY 1) e
WHERE p.id = e."petitionId";
UPDATE "Petition" p SET "escalatedAt" = e.at
FROM (SELECT "petitionId", min(at) AS at FROM "PetitionEvent" WHERE kind = 'ESCALATED' GROUP BY 1) e
WHERE p.id = e."petitionId";
ALTER TABLE "Petition" ENABLE TRIGGER rollup_petition_update;

-- The timeline no longer feeds the rollups.
DROP TRIGGER rollup_event_insert ON "PetitionEvent";
DROP TRIGGER rollup_event_update ON "PetitionEvent";
DROP TRIGGER rollup_event_delete ON "PetitionEvent";
DROP FUNCTION rollup_event_change();

-- What one petition counts for, in which month: the one definition of every petition measure (issue 14, one
-- home per definition). The trigger's function below, the rebuild (lib/rollup/rebuild.ts) and the live count
-- the rollup tests compare with (lib/dashboards/live.ts) all sum it; its columns are RollupPetition's measures
-- (PETITION_MEASURES in lib/dashboards/kpis.ts, which a test holds equal). A petition counts
-- - received, at its month of receipt, and receivedResolved there too while it holds a resolution;
-- - resolved (settled or explained only; on time when by its deadline; its working days from receipt), at the
--   month of its resolution day (Vietnam time);
-- - a reply with the citizen's satisfaction, at the month it was closed;
-- - reopened at the month of its first reopening, escalated at the month of its escalation (decision 044).
CREATE FUNCTION petition_facts(p "Petition") RETURNS TABLE (
  "unitId" int, "fieldId" int, month date, received int, "receivedResolved" int, resolved int, settled int, explained int,
  "resolvedOnTime" int, "resolveWorkingDays" int, replies int, satisfied int, reopened int, escalated int
) LANGUAGE sql STABLE STRICT AS $$
  SELECT p."unitId", p."fieldId", dv_month(p."receivedOn"), 1, (p."resolvedAt" IS NOT NULL)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0
  UNION ALL
  SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."resolvedAt")), 0, 0, 1, (p.resolution = 'SETTLED')::int, (p.resolution = 'EXPLAINED')::int,
         (p."dueOn" IS NOT NULL AND dv_vn_day(p."resolvedAt") <= p."dueOn")::int, dv_working_days(p."receivedOn", dv_vn_day(p."resolvedAt")), 0, 0, 0, 0
  WHERE p."resolvedAt" IS NOT NULL
  UNION ALL
  SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."closedAt")), 0, 0, 0, 0, 0, 0, 0, 1, (p.satisfaction = 'SATISFIED')::int, 0, 0
  WHERE p.satisfaction IS NOT NULL AND p."closedAt" IS NOT NULL
  UNION ALL
  SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."reopenedAt")), 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
  WHERE p."reopenedAt" IS NOT NULL
  UNION ALL
  SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."escalatedAt")), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
  WHERE p."escalatedAt" IS NOT NULL
$$;

-- The trigger's function, as migration received_resolved left it, with the measures of petition_facts, and
-- the open petitions by the generated column "isOpen" (the one SQL definition of open, lib/petitions/status.ts
-- the TypeScript one, a test holding them equal).
CREATE OR REPLACE FUNCTION rollup_petitions_apply(p_sign int, p_rows "Petition"[], p_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_rows), 0) = 0 THEN RETURN; END IF;
  -- The facts first, apart: inlined into the grouping below, the function's whole-row argument met a
  -- planner error ("variable not found in subplan target list").
  WITH f AS MATERIALIZED (SELECT x.* FROM unnest(p_rows) p CROSS JOIN LATERAL petition_facts(p) x)
  INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", slot, received, "receivedResolved", resolved, settled, explained, "resolvedOnTime", "resolveWorkingDays", replies, satisfied, reopened, escalated)
  SELECT a.uid, f.month, coalesce(f."fieldId", 0), a.slot, p_sign * sum(f.received), p_sign * sum(f."receivedResolved"), p_sign * sum(f.resolved), p_sign * sum(f.settled), p_sign * sum(f.explained),
         p_sign * sum(f."resolvedOnTime"), p_sign * sum(f."resolveWorkingDays"), p_sign * sum(f.replies), p_sign * sum(f.satisfied), p_sign * sum(f.reopened), p_sign * sum(f.escalated)
  FROM f CROSS JOIN LATERAL rollup_path_slots(f."unitId", p_paths) AS a
  -- Each field's row, and the all-fields row (fieldId 0) the child tables read.
  GROUP BY GROUPING SETS ((a.uid, f.month, f."fieldId", a.slot), (a.uid, f.month, a.slot))
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("unitId", month, "fieldId", slot) DO UPDATE SET
    received = r.received + excluded.received, "receivedResolved" = r."receivedResolved" + excluded."receivedResolved", resolved = r.resolved + excluded.resolved, settled = r.settled + excluded.settled,
    explained = r.explained + excluded.explained, "resolvedOnTime" = r."resolvedOnTime" + excluded."resolvedOnTime",
    "resolveWorkingDays" = r."resolveWorkingDays" + excluded."resolveWorkingDays", replies = r.replies + excluded.replies,
    satisfied = r.satisfied + excluded.satisfied, reopened = r.reopened + excluded.reopened, escalated = r.escalated + excluded.escalated;

  INSERT INTO "RollupPetitionStatus" AS r ("unitId", month, status, slot, received)
  SELECT a.uid, dv_month(p."receivedOn"), p.status, a.slot, p_sign * count(*)
  FROM unnest(p_rows) p CROSS JOIN LATERAL rollup_path_slots(p."unitId", p_paths) AS a
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("unitId", month, status, slot) DO UPDATE SET received = r.received + excluded.received;

  INSERT INTO "RollupOpenDue" AS r ("unitId", "dueOn", slot, open)
  SELECT a.uid, p."dueOn", a.slot, p_sign * count(*)
  FROM unnest(p_rows) p CROSS JOIN LATERAL rollup_path_slots(p."unitId", p_paths) AS a
  WHERE p."isOpen" AND p."dueOn" IS NOT NULL
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", "dueOn", slot) DO UPDATE SET open = r.open + excluded.open;
END $$;

CREATE OR REPLACE FUNCTION rollup_petition_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  olds "Petition"[];
  news "Petition"[];
BEGIN
  -- Only rows whose rolled-up columns changed (a comment or an attachment changes none).
  -- EXECUTE plans the pairing at each call (see rollup_unit_update).
  EXECUTE $q$
    SELECT array_agg(o::"Petition" ORDER BY o.id), array_agg(n::"Petition" ORDER BY o.id)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o."unitId", o."fieldId", o."receivedOn", o.status, o."dueOn", o."resolvedAt", o.resolution, o."closedAt", o.satisfaction, o."reopenedAt", o."escalatedAt")
      IS DISTINCT FROM (n."unitId", n."fieldId", n."receivedOn", n.status, n."dueOn", n."resolvedAt", n.resolution, n."closedAt", n.satisfaction, n."reopenedAt", n."escalatedAt")
  $q$ INTO olds, news;
  IF olds IS NULL THEN RETURN NULL; END IF;
  PERFORM rollup_petitions_apply(-1, olds);
  PERFORM rollup_petitions_apply(1, news);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rollup_petition_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_petitions_apply(-1, ARRAY[OLD]);
  RETURN OLD;
END $$;

-- A unit that moves takes its petitions along: the body of migration training_rollup (the latest to define
-- it) without the timeline's events, which the petitions' rows now carry.
CREATE OR REPLACE FUNCTION rollup_unit_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes rollup_unit_change[];
  moved int[];
  old_paths jsonb;
  trained rollup_training[];
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
    -- The same months out along the old path, in along the new one: only the units not on both change.
    SELECT array_agg((t."cadreId", c."unitId", dv_month(t."startOn"))::rollup_training) INTO trained
    FROM "Cadre" c JOIN "TrainingRecord" t ON t."cadreId" = c.id WHERE c."unitId" = ANY(moved);
    PERFORM rollup_trainings_apply(trained, trained, old_paths);
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

DROP FUNCTION rollup_events_apply(int, rollup_event[], jsonb);
DROP TYPE rollup_event;

-- The two measures restated from the petitions' rows (petition_facts), on every unit of each path (slots as
-- the trigger spreads them), in the field's row and the all-fields row.
UPDATE "RollupPetition" SET reopened = 0, escalated = 0 WHERE reopened <> 0 OR escalated <> 0;
INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", slot, reopened, escalated)
SELECT g.uid, g.month, coalesce(g."fieldId", 0), g.slot, g.reopened, g.escalated
FROM (
  SELECT a.uid, f.month, f."fieldId", a.slot, sum(f.reopened)::int AS reopened, sum(f.escalated)::int AS escalated
  FROM (
    SELECT x.* FROM "Petition" p CROSS JOIN LATERAL petition_facts(p) x
    WHERE (p."reopenedAt" IS NOT NULL OR p."escalatedAt" IS NOT NULL) AND x.reopened + x.escalated > 0
    OFFSET 0
  ) f CROSS JOIN LATERAL rollup_path_slots(f."unitId", NULL) AS a
  GROUP BY GROUPING SETS ((a.uid, f.month, f."fieldId", a.slot), (a.uid, f.month, a.slot))
) g
ORDER BY 1, 2, 3, 4
ON CONFLICT ("unitId", month, "fieldId", slot) DO UPDATE SET reopened = r.reopened + excluded.reopened, escalated = r.escalated + excluded.escalated;

-- The lists of petitions resolved, reopened or escalated in a period (the dashboards' figures open them,
-- issue 14): a place's resolutions by day, and the country's. Reopened and escalated petitions are few:
-- one index each, its rows tested for the place.
CREATE INDEX "Petition_province_resolved_idx" ON "Petition"("provinceId", "resolvedAt") WHERE ("resolvedAt" IS NOT NULL);
CREATE INDEX "Petition_district_resolved_idx" ON "Petition"("districtId", "resolvedAt") WHERE ("resolvedAt" IS NOT NULL);
CREATE INDEX "Petition_commune_resolved_idx" ON "Petition"("communeId", "resolvedAt") WHERE ("resolvedAt" IS NOT NULL);
CREATE INDEX "Petition_resolvedAt_idx" ON "Petition"("resolvedAt") WHERE ("resolvedAt" IS NOT NULL);
CREATE INDEX "Petition_reopenedAt_idx" ON "Petition"("reopenedAt") WHERE ("reopenedAt" IS NOT NULL);
CREATE INDEX "Petition_escalatedAt_idx" ON "Petition"("escalatedAt") WHERE ("escalatedAt" IS NOT NULL);
