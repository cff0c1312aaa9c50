-- CreateEnum
CREATE TYPE "HotspotSeverity" AS ENUM ('WATCH', 'COMPLEX', 'SERIOUS', 'CRITICAL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.

ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_DUE_SOON';
ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_OVERDUE';

-- CreateTable
CREATE TABLE "ReportHotspot" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "placeUnitId" INTEGER NOT NULL,
    "placePath" INTEGER[],
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "severity" "HotspotSeverity" NOT NULL,
    "people" INTEGER NOT NULL,
    "actions" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportHotspot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportHotspot_reportId_id_idx" ON "ReportHotspot"("reportId", "id");

-- CreateIndex
CREATE INDEX "ReportHotspot_placePath_idx" ON "ReportHotspot" USING GIN ("placePath");

-- CreateIndex
CREATE INDEX "ReportHotspot_placeUnitId_idx" ON "ReportHotspot"("placeUnitId");

-- AddForeignKey
ALTER TABLE "ReportHotspot" ADD CONSTRAINT "ReportHotspot_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "PeriodicReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportHotspot" ADD CONSTRAINT "ReportHotspot_placeUnitId_fkey" FOREIGN KEY ("placeUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
