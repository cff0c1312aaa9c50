-- AlterEnum
ALTER TYPE "Duty" ADD VALUE 'AGENCY';

-- AlterTable
ALTER TABLE "AgencyAnswer" ADD COLUMN     "answeredById" INTEGER,
ADD COLUMN     "assignedAt" TIMESTAMP(3),
ALTER COLUMN "linkId" DROP NOT NULL;

-- Every answer so far came through a link: it answers the link's assignment.
UPDATE "AgencyAnswer" a SET "assignedAt" = l."assignedAt" FROM "AgencyLink" l WHERE l.id = a."linkId";
ALTER TABLE "AgencyAnswer" ALTER COLUMN "assignedAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "agencyId" INTEGER;

-- CreateTable
CREATE TABLE "AgencyHold" (
    "agencyId" INTEGER NOT NULL,
    "petitionId" INTEGER NOT NULL,
    "firstAssignedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgencyHold_pkey" PRIMARY KEY ("agencyId","petitionId")
);

-- CreateIndex
CREATE INDEX "AgencyHold_petitionId_idx" ON "AgencyHold"("petitionId");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAnswer" ADD CONSTRAINT "AgencyAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyHold" ADD CONSTRAINT "AgencyHold_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyHold" ADD CONSTRAINT "AgencyHold_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The agencies that have held each petition: every assignment on the timeline, and the current holder.
INSERT INTO "AgencyHold" ("agencyId", "petitionId", "firstAssignedAt")
SELECT h."agencyId", h."petitionId", MIN(h.at) FROM (
  SELECT (e.data->>'agencyId')::int AS "agencyId", e."petitionId", e.at FROM "PetitionEvent" e
   WHERE e.kind = 'ASSIGNED' AND jsonb_typeof(e.data->'agencyId') = 'number'
  UNION ALL
  SELECT p."agencyId", p.id, COALESCE(p."assignedAt", p."createdAt") FROM "Petition" p WHERE p."agencyId" IS NOT NULL
) h JOIN "Agency" ag ON ag.id = h."agencyId"
GROUP BY h."agencyId", h."petitionId";
