-- The organisations' version (decision 074), as the unit tree's (decision 034): one row, its number
-- raised by every statement that writes "Organisation" (an insert, an update of any column, a delete),
-- whichever code sends it. Counts of organisations (the home page's teams and blocs) are kept with this
-- version and the unit tree's, and counted again when either has moved on. A statement-level trigger:
-- one update of this row per statement. Organisation writes are administrative work (a team founded,
-- renamed, dissolved, carried over by a merger); petition, meeting and membership writes never touch
-- "Organisation", so the row is no hot spot.
CREATE TABLE "OrganisationVersion" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "OrganisationVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OrganisationVersion_one_row" CHECK ("id" = 1)
);

INSERT INTO "OrganisationVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION organisation_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "OrganisationVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER organisation_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organisation"
  FOR EACH STATEMENT EXECUTE FUNCTION organisation_version_bump();
