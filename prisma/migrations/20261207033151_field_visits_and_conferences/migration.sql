-- A province or district logs its own conferences and briefings, and staff at any level record field visits
-- (kiểm tra, đôn đốc) to communes and villages: three meeting kinds, the visiting unit and the follow-up
-- (issue 15, part 2; decision 053). The rollup triggers count only TEAM_MONTHLY and QUARTERLY_BRIEFING, so
-- these kinds count for no compliance figure and the rollups need no change.

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.

ALTER TYPE "MeetingKind" ADD VALUE 'CONFERENCE';
ALTER TYPE "MeetingKind" ADD VALUE 'BRIEFING';
ALTER TYPE "MeetingKind" ADD VALUE 'FIELD_VISIT';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "followUp" TEXT,
ADD COLUMN     "followUpDueOn" DATE,
ADD COLUMN     "visitorUnitId" INTEGER;

-- CreateIndex
CREATE INDEX "Meeting_visitorUnitId_heldOn_idx" ON "Meeting"("visitorUnitId", "heldOn");

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_visitorUnitId_fkey" FOREIGN KEY ("visitorUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
