-- CreateTable
CREATE TABLE "ScoringTemplate" (
    "id" SERIAL NOT NULL,
    "ownerUnitId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "frozenAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoringTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringSetting" (
    "unitId" INTEGER NOT NULL,
    "weakestShare" INTEGER NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoringSetting_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "templateId" INTEGER NOT NULL,
    "scores" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "maxTotal" DOUBLE PRECISION NOT NULL,
    "percent" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "scoredById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoringTemplate_ownerUnitId_version_key" ON "ScoringTemplate"("ownerUnitId", "version");

-- CreateIndex
CREATE INDEX "ScoreSheet_templateId_idx" ON "ScoreSheet"("templateId");

-- CreateIndex
CREATE INDEX "ScoreSheet_periodTo_periodFrom_idx" ON "ScoreSheet"("periodTo", "periodFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_villageId_period_key" ON "ScoreSheet"("villageId", "period");

-- AddForeignKey
ALTER TABLE "ScoringTemplate" ADD CONSTRAINT "ScoringTemplate_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringSetting" ADD CONSTRAINT "ScoringSetting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ScoringTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
