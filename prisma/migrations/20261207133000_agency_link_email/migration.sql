-- AlterTable
ALTER TABLE "AgencyLink" ADD COLUMN     "emailTo" TEXT,
ADD COLUMN     "emailedAt" TIMESTAMP(3);
