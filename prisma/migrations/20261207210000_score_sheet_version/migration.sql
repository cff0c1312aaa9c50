-- The score sheets' version (decision 078, kept as decision 074 keeps counts): one row, its number raised by
-- every statement that writes "ScoreSheet", whichever code sends it. The dashboards' average village score
-- (the nation's reads every sheet of the country: 800 ms on the national database) is kept with this version
-- and the unit tree's, and read again when either has moved on. A statement-level trigger: one update of this
-- row per statement. Sheets are saved by communes a few times a year; a save holds the row only until it
-- commits.
CREATE TABLE "ScoreSheetVersion" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "ScoreSheetVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ScoreSheetVersion_one_row" CHECK ("id" = 1)
);

INSERT INTO "ScoreSheetVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION score_sheet_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ScoreSheetVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER score_sheet_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScoreSheet"
  FOR EACH STATEMENT EXECUTE FUNCTION score_sheet_version_bump();
