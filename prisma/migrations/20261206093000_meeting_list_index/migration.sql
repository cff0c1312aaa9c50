-- A district's meeting list (issue 13, decision 028): its units' own entries, read index-only
-- with every column the list orders and filters on, then sorted. Walking the country's date index
-- and skipping the other units' meetings read 40,714 rows for a page of 51 at national scale
-- (0.9 s; 0.8 ms this way). Replaces ("unitId", "heldOn"), which it serves too (a commune's
-- briefings by day).
DROP INDEX "Meeting_unitId_heldOn_idx";
CREATE INDEX "Meeting_unit_list_idx" ON "Meeting"("unitId", "heldOn", "id", "kind");
