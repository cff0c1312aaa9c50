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

-- ─── Coverage rollup (decision 014) ─────────────────────────────────────────
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

-- Units: villages counted, and the coverage of organisations whose unit moved or changed dates.
CREATE FUNCTION rollup_unit_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rollup_villages_apply(1, ARRAY(SELECT (n.id, n.level::text, n."validFrom", n."validTo", n."ancestorIds")::rollup_commune FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rollup_villages_apply(-1, ARRAY(SELECT (o.id, o.level::text, o."validFrom", o."validTo", o."ancestorIds")::rollup_commune FROM old_rows o));
  ELSE
    PERFORM rollup_villages_apply(-1, ARRAY(
      SELECT (o.id, o.level::text, o."validFrom", o."validTo", o."ancestorIds")::rollup_commune FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.level, o."ancestorIds", o."validFrom", o."validTo") IS DISTINCT FROM (n.level, n."ancestorIds", n."validFrom", n."validTo")));
    PERFORM rollup_villages_apply(1, ARRAY(
      SELECT (n.id, n.level::text, n."validFrom", n."validTo", n."ancestorIds")::rollup_commune FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.level, o."ancestorIds", o."validFrom", o."validTo") IS DISTINCT FROM (n.level, n."ancestorIds", n."validFrom", n."validTo")));
    PERFORM rollup_coverage_orgs(ARRAY(
      SELECT g.id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "Organisation" g ON g."unitId" = n.id
      WHERE (o.level, o."ancestorIds", o."validFrom", o."validTo") IS DISTINCT FROM (n.level, n."ancestorIds", n."validFrom", n."validTo")
      ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER rollup_unit_coverage_insert AFTER INSERT ON "Unit" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_unit_coverage();
CREATE TRIGGER rollup_unit_coverage_update AFTER UPDATE ON "Unit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_unit_coverage();
CREATE TRIGGER rollup_unit_coverage_delete AFTER DELETE ON "Unit" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_unit_coverage();
