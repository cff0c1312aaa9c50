-- The hotspots of a period: the nation's map marks and hotspot list read the period's, not every period's.
CREATE INDEX "ReportHotspot_periodFrom_idx" ON "ReportHotspot"("periodFrom");
