-- AlterTable
ALTER TABLE "RollupCoverage" ADD COLUMN "members" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RollupCoverageCadre" (
    "cadreId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "members" INTEGER NOT NULL,
    "units" INTEGER[],

    CONSTRAINT "RollupCoverageCadre_pkey" PRIMARY KEY ("cadreId","day","members")
);

-- ─── Members of the coverage (decision 033) ─────────────────────────────────
-- `members` of lib/organisations/coverage.ts counts distinct cadres: a cadre with a current
-- membership in a current bloc or team of the subtree on the day, once however many it has.
-- Per cadre and per unit of its organisations' paths, the days it is a member there are
-- joined into runs (a team in one village and the commune's bloc overlap at the commune and
-- above, not at the village), and each run adds +1 on its first day and -1 on the day after
-- its last. RollupCoverageCadre keeps what each cadre added (the units sharing a day and a
-- sign in one row), so that a write to its memberships, their organisations or their units
-- takes it back exactly and adds it again.

CREATE FUNCTION rollup_coverage_members_add(p_sign int, p_cadre_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RollupCoverage" AS r ("unitId", day, members)
  SELECT a.uid, c.day, p_sign * sum(c.members)
  FROM "RollupCoverageCadre" c CROSS JOIN LATERAL unnest(c.units) AS a(uid)
  WHERE c."cadreId" = ANY(p_cadre_ids)
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("unitId", day) DO UPDATE SET members = r.members + excluded.members;
END $$;

CREATE FUNCTION rollup_coverage_members(p_cadre_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_cadre_ids), 0) = 0 THEN RETURN; END IF;
  -- Two transactions writing memberships of one cadre take turns here; the second then reads
  -- the first's memberships and rows (each statement sees what committed before it). Without
  -- the turn, each would add runs computed without the other's membership. (Locking all
  -- 578,000 cadres of the national bench, as a rebuild does, takes about a second.)
  PERFORM 1 FROM "Cadre" WHERE id = ANY(p_cadre_ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM rollup_coverage_members_add(-1, p_cadre_ids);
  DELETE FROM "RollupCoverageCadre" WHERE "cadreId" = ANY(p_cadre_ids);
  INSERT INTO "RollupCoverageCadre" ("cadreId", day, members, units)
  WITH spans AS (
    -- A membership counts on the days its term, its organisation and the organisation's unit
    -- are all current: termStart..termEnd, establishedOn..dissolvedOn - 1, validFrom..validTo.
    SELECT m."cadreId" AS cadre, a.uid,
           greatest(m."termStart", coalesce(o."establishedOn", DATE '1900-01-01'), coalesce(u."validFrom", DATE '1900-01-01')) AS s,
           least(coalesce(m."termEnd", 'infinity'), coalesce(o."dissolvedOn" - 1, 'infinity'), coalesce(u."validTo", 'infinity')) AS e
    FROM "Membership" m
    JOIN "Organisation" o ON o.id = m."organisationId"
    JOIN "Unit" u ON u.id = o."unitId"
    CROSS JOIN LATERAL unnest(u."ancestorIds") AS a(uid)
    WHERE m."cadreId" = ANY(p_cadre_ids)
  ), ordered AS (
    SELECT cadre, uid, s, e, max(e) OVER (PARTITION BY cadre, uid ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
    FROM spans WHERE s <= e
  ), grouped AS (
    SELECT cadre, uid, s, e, sum(CASE WHEN before_end IS NULL OR s > before_end + 1 THEN 1 ELSE 0 END)
             OVER (PARTITION BY cadre, uid ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS run
    FROM ordered
  ), runs AS (
    -- The days the cadre is a member somewhere under uid: overlapping or touching spans joined.
    SELECT cadre, uid, min(s) AS s, max(e) AS e FROM grouped GROUP BY cadre, uid, run
  ), d AS (
    SELECT cadre, uid, s AS day, 1 AS delta FROM runs
    UNION ALL
    SELECT cadre, uid, e + 1, -1 FROM runs WHERE e <> 'infinity'
  )
  -- Runs of one unit never touch, so a unit has at most one change a day.
  SELECT cadre, day, delta, array_agg(uid ORDER BY uid) FROM d GROUP BY cadre, day, delta;
  PERFORM rollup_coverage_members_add(1, p_cadre_ids);
END $$;

-- The body of rollup_coverage_orgs in migration 20261201081553_rollups: the figures of the
-- organisations themselves (villages with a team, heads, blocs); now with a turn per
-- organisation, as members have per cadre: two writers adding heads to one team at once each
-- took back what the other had not yet committed and added their own, and the heads counted twice.
CREATE FUNCTION rollup_coverage_org_figures(p_org_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_org_ids), 0) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM "Organisation" WHERE id = ANY(p_org_ids) ORDER BY id FOR NO KEY UPDATE;
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

-- A change to organisations or their units (the Organisation and Unit triggers, a rebuild):
-- their own figures, and the days their members count.
CREATE OR REPLACE FUNCTION rollup_coverage_orgs(p_org_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_org_ids), 0) = 0 THEN RETURN; END IF;
  PERFORM rollup_coverage_org_figures(p_org_ids);
  PERFORM rollup_coverage_members(ARRAY(SELECT DISTINCT m."cadreId" FROM "Membership" m WHERE m."organisationId" = ANY(p_org_ids) ORDER BY 1));
END $$;

-- Memberships: the heads of their organisations, and the cadres of the rows, before and after.
CREATE OR REPLACE FUNCTION rollup_membership_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_coverage_org_figures(ARRAY(SELECT DISTINCT "organisationId" FROM new_rows ORDER BY 1));
    PERFORM rollup_coverage_members(ARRAY(SELECT DISTINCT "cadreId" FROM new_rows ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_coverage_org_figures(ARRAY(SELECT DISTINCT "organisationId" FROM old_rows ORDER BY 1));
    PERFORM rollup_coverage_members(ARRAY(SELECT DISTINCT "cadreId" FROM old_rows ORDER BY 1));
  ELSE
    PERFORM rollup_coverage_org_figures(ARRAY(SELECT "organisationId" FROM new_rows UNION SELECT "organisationId" FROM old_rows ORDER BY 1));
    PERFORM rollup_coverage_members(ARRAY(SELECT "cadreId" FROM new_rows UNION SELECT "cadreId" FROM old_rows ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;

-- The memberships already recorded.
SELECT rollup_coverage_members(ARRAY(SELECT DISTINCT "cadreId" FROM "Membership" ORDER BY 1));
