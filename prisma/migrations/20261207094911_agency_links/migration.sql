-- CreateEnum
CREATE TYPE "AgencyAnswerKind" AS ENUM ('PROGRESS', 'RESULT', 'EXTENSION');

-- CreateEnum
CREATE TYPE "AgencyAnswerDecision" AS ENUM ('ACCEPTED', 'REFUSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.

ALTER TYPE "PetitionEventKind" ADD VALUE 'AGENCY_PROGRESS';
ALTER TYPE "PetitionEventKind" ADD VALUE 'AGENCY_PROPOSED';
ALTER TYPE "PetitionEventKind" ADD VALUE 'AGENCY_EXTENSION_ASKED';
ALTER TYPE "PetitionEventKind" ADD VALUE 'AGENCY_ANSWER_REFUSED';
ALTER TYPE "PetitionEventKind" ADD VALUE 'DEADLINE_EXTENDED';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "email" TEXT;

-- AlterTable
ALTER TABLE "Attachment" ALTER COLUMN "uploadedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AgencyLink" (
    "id" SERIAL NOT NULL,
    "petitionId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "issuedById" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" INTEGER,

    CONSTRAINT "AgencyLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencyAnswer" (
    "id" SERIAL NOT NULL,
    "petitionId" INTEGER NOT NULL,
    "linkId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "kind" "AgencyAnswerKind" NOT NULL,
    "text" TEXT NOT NULL,
    "resolution" "ResolutionKind",
    "days" INTEGER,
    "attachmentId" INTEGER,
    "decision" "AgencyAnswerDecision",
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgencyLink_tokenHash_key" ON "AgencyLink"("tokenHash");

-- CreateIndex
CREATE INDEX "AgencyLink_petitionId_issuedAt_idx" ON "AgencyLink"("petitionId", "issuedAt");

-- CreateIndex
CREATE INDEX "AgencyLink_agencyId_idx" ON "AgencyLink"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyAnswer_attachmentId_key" ON "AgencyAnswer"("attachmentId");

-- CreateIndex
CREATE INDEX "AgencyAnswer_petitionId_createdAt_idx" ON "AgencyAnswer"("petitionId", "createdAt");

-- CreateIndex
CREATE INDEX "AgencyAnswer_linkId_createdAt_idx" ON "AgencyAnswer"("linkId", "createdAt");

-- CreateIndex
CREATE INDEX "AgencyAnswer_agencyId_idx" ON "AgencyAnswer"("agencyId");

-- AddForeignKey
ALTER TABLE "AgencyLink" ADD CONSTRAINT "AgencyLink_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyLink" ADD CONSTRAINT "AgencyLink_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyLink" ADD CONSTRAINT "AgencyLink_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyLink" ADD CONSTRAINT "AgencyLink_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAnswer" ADD CONSTRAINT "AgencyAnswer_petitionId_fkey" FOREIGN KEY ("petitionId") REFERENCES "Petition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAnswer" ADD CONSTRAINT "AgencyAnswer_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "AgencyLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAnswer" ADD CONSTRAINT "AgencyAnswer_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAnswer" ADD CONSTRAINT "AgencyAnswer_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencyAnswer" ADD CONSTRAINT "AgencyAnswer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
