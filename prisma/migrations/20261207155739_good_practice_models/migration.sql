-- CreateEnum
CREATE TYPE "GoodPracticeField" AS ENUM ('ECONOMY', 'CULTURE_SOCIETY', 'DEFENCE_SECURITY', 'PARTY_GOVERNMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "GoodPracticeStatus" AS ENUM ('REGISTERED', 'BUILDING', 'ASSESSED', 'RECOGNISED', 'REPLICATED');

-- CreateEnum
CREATE TYPE "RecognitionLevel" AS ENUM ('COMMUNE', 'DISTRICT', 'PROVINCE');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "goodPracticeModelId" INTEGER;

-- CreateTable
CREATE TABLE "GoodPracticeModel" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "field" "GoodPracticeField" NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "inCharge" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "status" "GoodPracticeStatus" NOT NULL DEFAULT 'REGISTERED',
    "registeredOn" DATE NOT NULL,
    "buildingOn" DATE,
    "assessedOn" DATE,
    "assessmentScore" INTEGER,
    "assessmentNote" TEXT,
    "effective" BOOLEAN,
    "recognisedOn" DATE,
    "recognitionLevel" "RecognitionLevel",
    "recognisedByUnitId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GoodPracticeModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoodPracticeReplication" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "adoptedOn" DATE NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoodPracticeReplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GoodPracticeModel_idempotencyKey_key" ON "GoodPracticeModel"("idempotencyKey");

-- CreateIndex
CREATE INDEX "GoodPracticeModel_unitId_year_idx" ON "GoodPracticeModel"("unitId", "year");

-- CreateIndex
CREATE INDEX "GoodPracticeModel_createdById_idx" ON "GoodPracticeModel"("createdById");

-- CreateIndex
CREATE INDEX "GoodPracticeModel_registeredOn_idx" ON "GoodPracticeModel"("registeredOn");

-- CreateIndex
CREATE INDEX "GoodPracticeModel_recognisedOn_idx" ON "GoodPracticeModel"("recognisedOn");

-- CreateIndex
CREATE INDEX "GoodPracticeModel_searchText_idx" ON "GoodPracticeModel" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "GoodPracticeReplication_unitId_idx" ON "GoodPracticeReplication"("unitId");

-- CreateIndex
CREATE INDEX "GoodPracticeReplication_createdById_idx" ON "GoodPracticeReplication"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "GoodPracticeReplication_modelId_unitId_key" ON "GoodPracticeReplication"("modelId", "unitId");

-- CreateIndex
CREATE INDEX "Attachment_goodPracticeModelId_idx" ON "Attachment"("goodPracticeModelId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_goodPracticeModelId_fkey" FOREIGN KEY ("goodPracticeModelId") REFERENCES "GoodPracticeModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPracticeModel" ADD CONSTRAINT "GoodPracticeModel_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPracticeModel" ADD CONSTRAINT "GoodPracticeModel_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPracticeReplication" ADD CONSTRAINT "GoodPracticeReplication_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "GoodPracticeModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPracticeReplication" ADD CONSTRAINT "GoodPracticeReplication_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoodPracticeReplication" ADD CONSTRAINT "GoodPracticeReplication_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
