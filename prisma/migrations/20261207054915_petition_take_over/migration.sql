-- An escalated petition waits for the supervising unit of its unit, whose staff take it over and handle it on the same
-- record (decision 054). Escalations recorded before this migration were to a body named in free text and end there:
-- they get no awaiting unit. No rollup changes: what a petition counts for (petition_facts) reads none of these columns.
-- AlterEnum
ALTER TYPE "PetitionEventKind" ADD VALUE 'TAKEN_OVER';

-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "awaitingUnitId" INTEGER,
ADD COLUMN     "handlingUnitId" INTEGER,
ADD COLUMN     "takenOverAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Petition_awaitingUnitId_escalatedAt_id_idx" ON "Petition"("awaitingUnitId", "escalatedAt", "id") WHERE ("awaitingUnitId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Petition_handlingUnitId_idx" ON "Petition"("handlingUnitId") WHERE ("handlingUnitId" IS NOT NULL);

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_awaitingUnitId_fkey" FOREIGN KEY ("awaitingUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_handlingUnitId_fkey" FOREIGN KEY ("handlingUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
