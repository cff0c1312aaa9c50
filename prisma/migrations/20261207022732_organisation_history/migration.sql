-- DropIndex
DROP INDEX "Organisation_unitId_kind_key";

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "mergedIntoId" INTEGER;

-- CreateIndex
CREATE INDEX "Organisation_unitId_kind_idx" ON "Organisation"("unitId", "kind");

-- CreateIndex
CREATE INDEX "Organisation_mergedIntoId_idx" ON "Organisation"("mergedIntoId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_unitId_kind_standing_key" ON "Organisation"("unitId", "kind") WHERE ("dissolvedOn" IS NULL);

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
