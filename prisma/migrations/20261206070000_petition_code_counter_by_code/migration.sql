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
-- here, the highest number given out under each prefix, so that no code is given twice.
INSERT INTO "PetitionCodeCounter_next" AS n ("areaCode", "year", "last")
SELECT m[1], m[2]::int, max(m[3]::int)
FROM "Petition" p CROSS JOIN LATERAL regexp_match(p.code, '^(.+)-([0-9]{4})-([0-9]{1,9})$') AS m
WHERE m IS NOT NULL
GROUP BY m[1], m[2]
ON CONFLICT ("areaCode", "year") DO UPDATE SET "last" = greatest(n."last", excluded."last");

DROP TABLE "PetitionCodeCounter";
ALTER TABLE "PetitionCodeCounter_next" RENAME TO "PetitionCodeCounter";
ALTER TABLE "PetitionCodeCounter" RENAME CONSTRAINT "PetitionCodeCounter_next_pkey" TO "PetitionCodeCounter_pkey";
