-- A place's petitions in code order (issue 13: every read grows no faster than what it shows). Sorted by code,
-- a province's list read a bitmap of all its petitions and sorted them (448 ms for a province at 5 million,
-- BENCHMARKS.md); with its own entries in code order it reads the page's rows and stops.
CREATE INDEX "Petition_province_code_idx" ON "Petition"("provinceId", "code", "id");
CREATE INDEX "Petition_district_code_idx" ON "Petition"("districtId", "code", "id");
CREATE INDEX "Petition_commune_code_idx" ON "Petition"("communeId", "code", "id");
