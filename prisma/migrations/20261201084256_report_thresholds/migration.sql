-- CreateTable
CREATE TABLE "ReportThreshold" (
    "unitId" INTEGER NOT NULL,
    "onTimeRate" INTEGER NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportThreshold_pkey" PRIMARY KEY ("unitId")
);

-- AddForeignKey
ALTER TABLE "ReportThreshold" ADD CONSTRAINT "ReportThreshold_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
