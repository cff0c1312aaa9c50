-- CreateIndex
CREATE INDEX "Petition_dueOn_id_idx" ON "Petition"("dueOn", "id");
