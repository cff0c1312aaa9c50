-- CreateIndex
CREATE INDEX "Cadre_current_unitId_idx" ON "Cadre"("unitId") WHERE ("endedOn" IS NULL);
