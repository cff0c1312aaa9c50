-- CreateTable
CREATE TABLE "RollupTraining" (
    "unitId" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "since" DATE NOT NULL,
    "cadres" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupTraining_pkey" PRIMARY KEY ("unitId","month","since")
);

-- ─── Cadres trained (decision 031) ──────────────────────────────────────────
-- "Cadres trained" is a distinct count (a cadre with two courses in a period counts once),
-- which months cannot simply add up. Each cadre's distinct training months m1 < m2 < … are
-- stored with the month before each: the cadre adds 1 to (unit, mi, since m(i-1)) for every
-- unit of its unit's path, and to (unit, m1, since 0001-01-01) for its first month. A whole
-- run of months [A, B] then counts each cadre with a training in it exactly once, at its
-- first month in the run, the only one whose previous month lies before A:
--   sum(cadres) WHERE "unitId" = ANY(ids) AND month BETWEEN A AND B AND since < A
-- which the primary key serves (unitId, then the month range; since is tested in the index).
-- Triggers keep the table in the writer's transaction, as the other rollups (decision 014).

-- A training month of a cadre, with the cadre's unit.
CREATE TYPE rollup_training AS (cadre_id int, unit_id int, month date);

-- Takes away what the cadres of p_old contributed and adds what those of p_new contribute:
-- each list holds the whole of each of its cadres' training months (one unit per cadre), so
-- that the months can be ordered. Old rows roll up along p_old_paths where it names their
-- unit (a unit that moved), else along the unit's path now; new rows along the path now.
-- The two are netted before the upsert, so an edit that leaves a cadre's months as they were
-- touches no row, and a move touches only the units that are not on both paths.
CREATE FUNCTION rollup_trainings_apply(p_old rollup_training[], p_new rollup_training[], p_old_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_old), 0) + coalesce(cardinality(p_new), 0) = 0 THEN RETURN; END IF;
  WITH m AS (
    SELECT DISTINCT -1 AS sign, x.cadre_id, x.unit_id, x.month FROM unnest(p_old) x
    UNION ALL
    SELECT DISTINCT 1, x.cadre_id, x.unit_id, x.month FROM unnest(p_new) x
  ), s AS (
    SELECT m.sign, m.unit_id, m.month,
           coalesce(lag(m.month) OVER (PARTITION BY m.sign, m.cadre_id, m.unit_id ORDER BY m.month), DATE '0001-01-01') AS since
    FROM m
  )
  INSERT INTO "RollupTraining" AS r ("unitId", month, since, cadres)
  SELECT a.uid, s.month, s.since, sum(s.sign)
  FROM s CROSS JOIN LATERAL unnest(rollup_path(s.unit_id, CASE WHEN s.sign < 0 THEN p_old_paths END)) AS a(uid)
  GROUP BY 1, 2, 3 HAVING sum(s.sign) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("unitId", month, since) DO UPDATE SET cadres = r.cadres + excluded.cadres;
END $$;

-- The training months of cadres as the tables hold them now, at the cadres' units now.
CREATE FUNCTION rollup_training_rows(p_cadres int[]) RETURNS rollup_training[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    SELECT (t."cadreId", c."unitId", dv_month(t."startOn"))::rollup_training
    FROM "TrainingRecord" t JOIN "Cadre" c ON c.id = t."cadreId"
    WHERE t."cadreId" = ANY(p_cadres))
$$;

-- Trainings added, changed or deleted: for each cadre concerned, its months before the
-- statement (the rows now, but those the statement wrote, plus those it replaced or deleted)
-- go out and its months now come in. A cadre that no longer exists (its trainings deleted by
-- the cascade of its own deletion) is left out: rollup_cadre_delete took it out before.
-- EXECUTE plans each query at each call (see rollup_unit_update).
CREATE FUNCTION rollup_training_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cadres int[];
  olds rollup_training[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE $q$ SELECT array_agg(DISTINCT "cadreId" ORDER BY "cadreId") FROM new_rows $q$ INTO cadres;
    IF cadres IS NULL THEN RETURN NULL; END IF;
    EXECUTE $q$
      SELECT ARRAY(
        SELECT (t."cadreId", c."unitId", dv_month(t."startOn"))::rollup_training
        FROM "TrainingRecord" t JOIN "Cadre" c ON c.id = t."cadreId"
        WHERE t."cadreId" = ANY($1) AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = t.id))
    $q$ INTO olds USING cadres;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE $q$ SELECT array_agg(DISTINCT "cadreId" ORDER BY "cadreId") FROM old_rows $q$ INTO cadres;
    IF cadres IS NULL THEN RETURN NULL; END IF;
    EXECUTE $q$
      SELECT ARRAY(
        SELECT (x."cadreId", c."unitId", dv_month(x."startOn"))::rollup_training
        FROM (SELECT t."cadreId", t."startOn" FROM "TrainingRecord" t WHERE t."cadreId" = ANY($1)
              UNION ALL SELECT o."cadreId", o."startOn" FROM old_rows o) x
        JOIN "Cadre" c ON c.id = x."cadreId")
    $q$ INTO olds USING cadres;
  ELSE
    -- Only rows whose cadre or month changed (a course's name or result changes nothing).
    EXECUTE $q$
      SELECT array_agg(DISTINCT x.id ORDER BY x.id)
      FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (o."cadreId"), (n."cadreId")) AS x(id)
      WHERE (o."cadreId", dv_month(o."startOn")) IS DISTINCT FROM (n."cadreId", dv_month(n."startOn"))
    $q$ INTO cadres;
    IF cadres IS NULL THEN RETURN NULL; END IF;
    EXECUTE $q$
      SELECT ARRAY(
        SELECT (x."cadreId", c."unitId", dv_month(x."startOn"))::rollup_training
        FROM (SELECT t."cadreId", t."startOn" FROM "TrainingRecord" t
              WHERE t."cadreId" = ANY($1) AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = t.id)
              UNION ALL SELECT o."cadreId", o."startOn" FROM old_rows o WHERE o."cadreId" = ANY($1)) x
        JOIN "Cadre" c ON c.id = x."cadreId")
    $q$ INTO olds USING cadres;
  END IF;
  PERFORM rollup_trainings_apply(olds, rollup_training_rows(cadres));
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_training_insert AFTER INSERT ON "TrainingRecord" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_training_change();
CREATE TRIGGER rollup_training_update AFTER UPDATE ON "TrainingRecord" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_training_change();
CREATE TRIGGER rollup_training_delete AFTER DELETE ON "TrainingRecord" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_training_change();

-- A cadre moved to another unit takes its trainings along.
CREATE FUNCTION rollup_cadre_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  olds rollup_training[];
  news rollup_training[];
BEGIN
  EXECUTE $q$
    SELECT array_agg((t."cadreId", o."unitId", dv_month(t."startOn"))::rollup_training), array_agg((t."cadreId", n."unitId", dv_month(t."startOn"))::rollup_training)
    FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "TrainingRecord" t ON t."cadreId" = n.id
    WHERE o."unitId" <> n."unitId"
  $q$ INTO olds, news;
  PERFORM rollup_trainings_apply(olds, news);
  RETURN NULL;
END $$;

-- Row-level and BEFORE: the cadre's trainings are still there to take out (the cascade
-- deletes them afterwards, and their own trigger then finds no cadre).
CREATE FUNCTION rollup_cadre_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_trainings_apply(ARRAY(
    SELECT (OLD.id, OLD."unitId", dv_month(t."startOn"))::rollup_training FROM "TrainingRecord" t WHERE t."cadreId" = OLD.id), NULL);
  RETURN OLD;
END $$;

CREATE TRIGGER rollup_cadre_update AFTER UPDATE ON "Cadre" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_cadre_update();
CREATE TRIGGER rollup_cadre_delete BEFORE DELETE ON "Cadre" FOR EACH ROW EXECUTE FUNCTION rollup_cadre_delete();

-- A unit that moves takes its cadres' trainings along too. The body is that of migration
-- 20261201081553_rollups (the latest to define it) with the trainings added after the petitions.
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
    PERFORM rollup_events_apply(-1, ARRAY(
      SELECT (p."unitId", p."fieldId", e.kind::text, e.at)::rollup_event FROM "Petition" p JOIN "PetitionEvent" e ON e."petitionId" = p.id
      WHERE p."unitId" = ANY(moved) AND e.kind IN ('REOPENED', 'ESCALATED')), old_paths);
    PERFORM rollup_events_apply(1, ARRAY(
      SELECT (p."unitId", p."fieldId", e.kind::text, e.at)::rollup_event FROM "Petition" p JOIN "PetitionEvent" e ON e."petitionId" = p.id
      WHERE p."unitId" = ANY(moved) AND e.kind IN ('REOPENED', 'ESCALATED')));
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

-- The trainings already recorded.
SELECT rollup_trainings_apply(NULL, ARRAY(
  SELECT (t."cadreId", c."unitId", dv_month(t."startOn"))::rollup_training FROM "TrainingRecord" t JOIN "Cadre" c ON c.id = t."cadreId"));
