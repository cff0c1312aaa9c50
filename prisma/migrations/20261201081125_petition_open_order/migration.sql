-- CreateIndex
CREATE INDEX "Petition_open_receivedOn_id_idx" ON "Petition"("receivedOn", "id") WHERE (status = ANY (ARRAY['RECEIVED'::"PetitionStatus", 'ASSIGNED'::"PetitionStatus", 'IN_PROGRESS'::"PetitionStatus"]));
