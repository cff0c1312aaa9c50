-- Every query has its index, or a reason (issue 13, decision 028).

-- A subtree's own petitions, with every column the petition list filters on but the text: a
-- district's list is an index-only read of its entries (lib/petitions/list.ts). Replaces
-- ("unitId", "receivedOn"), which it serves too.
DROP INDEX "Petition_unitId_receivedOn_idx";
CREATE INDEX "Petition_unit_list_idx" ON "Petition"("unitId", "receivedOn", "id", "dueOn", "isOpen", "status", "fieldId", "channel", "agencyId", "resolution");

-- The petitions merged into one: its page lists them, and deleting a petition checks the
-- foreign key (both were a sequential scan of the table: 1.1 s and 1.3 s at 5 million).
CREATE INDEX "Petition_mergedIntoId_idx" ON "Petition"("mergedIntoId") WHERE ("mergedIntoId" IS NOT NULL);

-- The list's agency filter, newest first; and the foreign key's check when an agency is deleted.
CREATE INDEX "Petition_agencyId_receivedOn_id_idx" ON "Petition"("agencyId", "receivedOn", "id");

-- The foreign key's check when a petition is deleted.
CREATE INDEX "MeetingAgendaItem_petitionId_idx" ON "MeetingAgendaItem"("petitionId");

-- The meeting list's order (newest first, keyset pages) for a province or the nation.
CREATE INDEX "Meeting_heldOn_id_idx" ON "Meeting"("heldOn", "id");

-- The cadre list's order by name.
CREATE INDEX "Cadre_searchName_id_idx" ON "Cadre"("searchName", "id");

-- No parallel scans of the unit tree. A subtree is found through the GIN index on "ancestorIds";
-- but a parallel plan wants its outer side split between workers, and a parallel sequential
-- scan of "Unit" (110,000 rows) looked cheaper than the index to PostgreSQL for a district's
-- 145 units (58 ms of a 60 ms list page, then 202 ms for a district's export page).
ALTER TABLE "Unit" SET (parallel_workers = 0);
