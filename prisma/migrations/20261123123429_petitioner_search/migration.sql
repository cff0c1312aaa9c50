-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "petitionerSearch" TEXT;

-- Petitioners' names leave the general search text: only those who may see them search them.
UPDATE "Petition" SET
  "petitionerSearch" = NULLIF(trim(lower(unaccent(concat_ws(' ', "petitionerName", "petitionerPhone")))), ''),
  "searchText" = lower(unaccent(code || ' ' || regexp_replace(content, '\s+', ' ', 'g')));

-- CreateIndex
CREATE INDEX "Petition_petitionerSearch_idx" ON "Petition" USING GIN ("petitionerSearch" gin_trgm_ops);
