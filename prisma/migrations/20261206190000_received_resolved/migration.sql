-- Resolution rates that cannot pass 100 % (issue 14). "Tỷ lệ giải quyết" was the petitions resolved in a
-- period over those received in it: a month that resolved older petitions showed 600 %. It is now a share of the
-- period's own petitions: of those received in the period, how many are resolved now. The rollups keep that
-- numerator beside `received`, on the month of receipt: `receivedResolved` (decision 040).
ALTER TABLE "RollupPetition" ADD COLUMN "receivedResolved" INTEGER NOT NULL DEFAULT 0;

-- The trigger's function, as migration write_path left it, with the new measure on the row of receipt. A
-- petition resolved, reopened or deleted moves it, as the update trigger already re-applies a petition whose
-- "resolvedAt" changed.
CREATE OR REPLACE FUNCTION rollup_petitions_apply(p_sign int, p_rows "Petition"[], p_paths jsonb DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_rows), 0) = 0 THEN RETURN; END IF;
  WITH f AS (
    SELECT p."unitId", p."fieldId", dv_month(p."receivedOn") AS month, 1 AS received, (p."resolvedAt" IS NOT NULL)::int AS received_resolved,
           0 AS resolved, 0 AS settled, 0 AS explained, 0 AS on_time, 0 AS wdays, 0 AS replies, 0 AS satisfied
    FROM unnest(p_rows) p
    UNION ALL
    SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."resolvedAt")), 0, 0, 1, (p.resolution = 'SETTLED')::int, (p.resolution = 'EXPLAINED')::int,
           (p."dueOn" IS NOT NULL AND dv_vn_day(p."resolvedAt") <= p."dueOn")::int, dv_working_days(p."receivedOn", dv_vn_day(p."resolvedAt")), 0, 0
    FROM unnest(p_rows) p WHERE p."resolvedAt" IS NOT NULL
    UNION ALL
    SELECT p."unitId", p."fieldId", dv_month(dv_vn_day(p."closedAt")), 0, 0, 0, 0, 0, 0, 0, 1, (p.satisfaction = 'SATISFIED')::int
    FROM unnest(p_rows) p WHERE p.satisfaction IS NOT NULL AND p."closedAt" IS NOT NULL
  )
  INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", slot, received, "receivedResolved", resolved, settled, explained, "resolvedOnTime", "resolveWorkingDays", replies, satisfied)
  SELECT a.uid, f.month, coalesce(f."fieldId", 0), a.slot, p_sign * sum(f.received), p_sign * sum(f.received_resolved), p_sign * sum(f.resolved), p_sign * sum(f.settled), p_sign * sum(f.explained),
         p_sign * sum(f.on_time), p_sign * sum(f.wdays), p_sign * sum(f.replies), p_sign * sum(f.satisfied)
  FROM f CROSS JOIN LATERAL rollup_path_slots(f."unitId", p_paths) AS a
  -- Each field's row, and the all-fields row (fieldId 0) the child tables read.
  GROUP BY GROUPING SETS ((a.uid, f.month, f."fieldId", a.slot), (a.uid, f.month, a.slot))
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("unitId", month, "fieldId", slot) DO UPDATE SET
    received = r.received + excluded.received, "receivedResolved" = r."receivedResolved" + excluded."receivedResolved", resolved = r.resolved + excluded.resolved, settled = r.settled + excluded.settled,
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

-- The petitions already recorded: each resolved one counts at its month of receipt, on every unit of its path
-- (slots as the trigger spreads them; the readers sum them), in its field's row and in the all-fields row.
INSERT INTO "RollupPetition" AS r ("unitId", month, "fieldId", slot, "receivedResolved")
SELECT g.uid, g.month, coalesce(g."fieldId", 0), g.slot, g.n
FROM (
  SELECT a.uid, dv_month(p."receivedOn") AS month, p."fieldId", a.slot, count(*)::int AS n
  FROM "Petition" p CROSS JOIN LATERAL rollup_path_slots(p."unitId", NULL) AS a
  WHERE p."resolvedAt" IS NOT NULL
  GROUP BY GROUPING SETS ((a.uid, dv_month(p."receivedOn"), p."fieldId", a.slot), (a.uid, dv_month(p."receivedOn"), a.slot))
) g
ORDER BY 1, 2, 3, 4
ON CONFLICT ("unitId", month, "fieldId", slot) DO UPDATE SET "receivedResolved" = r."receivedResolved" + excluded."receivedResolved";
