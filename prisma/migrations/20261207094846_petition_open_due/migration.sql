-- CreateIndex
CREATE INDEX "Petition_open_dueOn_id_idx" ON "Petition"("dueOn", "id") WHERE ("isOpen");
