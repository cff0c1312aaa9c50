-- CreateEnum
CREATE TYPE "ReportPeriodKind" AS ENUM ('MONTH', 'QUARTER', 'HALF', 'YEAR');

-- CreateEnum
CREATE TYPE "PeriodicReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateTable
CREATE TABLE "ReportTemplate" (
    "id" SERIAL NOT NULL,
    "ownerUnitId" INTEGER NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "periodKind" "ReportPeriodKind" NOT NULL,
    "version" INTEGER NOT NULL,
    "figureKeys" TEXT[],
    "sectionKeys" TEXT[],
    "deadlineDay" INTEGER NOT NULL,
    "frozenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodicReport" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "periodKind" "ReportPeriodKind" NOT NULL,
    "period" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "templateId" INTEGER NOT NULL,
    "approverUnitId" INTEGER NOT NULL,
    "status" "PeriodicReportStatus" NOT NULL DEFAULT 'DRAFT',
    "narrative" JSONB NOT NULL,
    "figures" JSONB NOT NULL,
    "figuresAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedById" INTEGER,
    "approvedAt" TIMESTAMP(3),
    "approvedById" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PeriodicReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodicReportComment" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodicReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportTemplate_ownerUnitId_level_periodKind_version_key" ON "ReportTemplate"("ownerUnitId", "level", "periodKind", "version");

-- CreateIndex
CREATE INDEX "PeriodicReport_approverUnitId_status_submittedAt_idx" ON "PeriodicReport"("approverUnitId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "PeriodicReport_periodKind_period_approverUnitId_idx" ON "PeriodicReport"("periodKind", "period", "approverUnitId");

-- CreateIndex
CREATE INDEX "PeriodicReport_templateId_idx" ON "PeriodicReport"("templateId");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodicReport_unitId_periodKind_period_key" ON "PeriodicReport"("unitId", "periodKind", "period");

-- CreateIndex
CREATE INDEX "PeriodicReportComment_reportId_id_idx" ON "PeriodicReportComment"("reportId", "id");

-- CreateIndex
CREATE INDEX "PeriodicReportComment_authorId_idx" ON "PeriodicReportComment"("authorId");

-- AddForeignKey
ALTER TABLE "ReportTemplate" ADD CONSTRAINT "ReportTemplate_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodicReport" ADD CONSTRAINT "PeriodicReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodicReport" ADD CONSTRAINT "PeriodicReport_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ReportTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodicReportComment" ADD CONSTRAINT "PeriodicReportComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "PeriodicReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodicReportComment" ADD CONSTRAINT "PeriodicReportComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
