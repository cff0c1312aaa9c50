-- A petition's places: the province, district and commune its unit lies in (issue 13, decision 039).
-- A list of one place reads that place's own entries in date order, and stops at the page: a
-- district's first page is 51 entries at any size, where reading its units' entries and sorting
-- them grew with the district (2.1× from 1 million petitions to 5 million), and a province's
-- search walks the province's petitions newest first, testing the words, where the trigram
-- index gave the whole country's matches (4.9×).
--
-- Copies of the unit tree, kept by PostgreSQL and never written by the app: set from the unit's
-- path when a petition is written, and rewritten when a unit's path changes (a merger moves a
-- village or a commune). A place that the tree has not (a commune under a province, after the
-- 2025 reform, has no district) is null.
ALTER TABLE "Petition" ADD COLUMN "provinceId" INTEGER,
                       ADD COLUMN "districtId" INTEGER,
                       ADD COLUMN "communeId" INTEGER;

-- The places on a unit's path (the unit itself included), by level.
CREATE FUNCTION unit_places(path INTEGER[], OUT province INTEGER, OUT district INTEGER, OUT commune INTEGER)
LANGUAGE sql STABLE AS $$
  SELECT max(a.id) FILTER (WHERE a.level = 'PROVINCE'),
         max(a.id) FILTER (WHERE a.level = 'DISTRICT'),
         max(a.id) FILTER (WHERE a.level = 'COMMUNE')
  FROM "Unit" a WHERE a.id = ANY(path)
$$;

-- The petitions already recorded, before the triggers (their rollups do not change: the rollup
-- trigger would only read every row twice).
ALTER TABLE "Petition" DISABLE TRIGGER rollup_petition_update;
UPDATE "Petition" t SET "provinceId" = p.province, "districtId" = p.district, "communeId" = p.commune
FROM "Unit" u CROSS JOIN LATERAL unit_places(u."ancestorIds") p
WHERE u.id = t."unitId";
ALTER TABLE "Petition" ENABLE TRIGGER rollup_petition_update;

-- On every insert, and on any update that names the unit or a place: the places follow the unit,
-- whatever the statement said of them.
CREATE FUNCTION petition_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.province, p.district, p.commune INTO NEW."provinceId", NEW."districtId", NEW."communeId"
  FROM "Unit" u CROSS JOIN LATERAL unit_places(u."ancestorIds") p WHERE u.id = NEW."unitId";
  RETURN NEW;
END $$;

CREATE TRIGGER petition_places BEFORE INSERT OR UPDATE OF "unitId", "provinceId", "districtId", "communeId" ON "Petition"
  FOR EACH ROW EXECUTE FUNCTION petition_places();

-- When units' paths change (one statement moves a subtree), their petitions are rewritten in one
-- statement, and the trigger above sets their places again. Unit writes are rare administrative
-- work; petition writes never touch "Unit".
CREATE FUNCTION unit_moves_petitions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Petition" t SET "unitId" = t."unitId"
  FROM moved_new n JOIN moved_old o ON o.id = n.id
  WHERE t."unitId" = n.id AND o."ancestorIds" IS DISTINCT FROM n."ancestorIds";
  RETURN NULL;
END $$;

CREATE TRIGGER unit_moves_petitions AFTER UPDATE ON "Unit"
  REFERENCING OLD TABLE AS moved_old NEW TABLE AS moved_new
  FOR EACH STATEMENT EXECUTE FUNCTION unit_moves_petitions();

-- Each place's petitions, newest first (keyset pages by id within a day), with every column the
-- list filters on but the text, as "Petition_unit_list_idx" (decision 028): a filtered page walks
-- the place's entries newest first, index-only, and stops when it is full.
CREATE INDEX "Petition_province_list_idx" ON "Petition"("provinceId", "receivedOn", "id", "dueOn", "isOpen", "status", "fieldId", "channel", "agencyId", "resolution");
CREATE INDEX "Petition_district_list_idx" ON "Petition"("districtId", "receivedOn", "id", "dueOn", "isOpen", "status", "fieldId", "channel", "agencyId", "resolution");
CREATE INDEX "Petition_commune_list_idx" ON "Petition"("communeId", "receivedOn", "id", "dueOn", "isOpen", "status", "fieldId", "channel", "agencyId", "resolution");
