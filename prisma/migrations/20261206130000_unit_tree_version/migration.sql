-- The unit tree's version (decision 034): one row, its number raised by every statement that
-- writes "Unit" (an insert, an update of any column, a delete), whichever code sends it: Prisma,
-- the catalogue and merger imports' raw SQL, a village's move. What is built from the tree alone
-- (the cadre import template's list of units) is kept with the version it was built at and built
-- again when the version has moved on. A statement-level trigger: one update of this row per
-- statement, however many units it writes. Unit writes are rare administrative work, so the row
-- is no hot spot; petition and meeting writes never touch "Unit".
CREATE TABLE "UnitTreeVersion" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "UnitTreeVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "UnitTreeVersion_one_row" CHECK ("id" = 1)
);

INSERT INTO "UnitTreeVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION unit_tree_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "UnitTreeVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER unit_tree_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_version_bump();
