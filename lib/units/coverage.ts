/**
 * The coverage figures a unit's page shows (decision 033): read from the coverage rollup
 * (lib/dashboards/read.ts), which gives the figures of `coverageFor` for any unit and day with
 * one indexed lookup, the nation's as cheap as a village's. The caller is responsible for scope:
 * pass a unit returned by `getUnitInScope`.
 */
import { readCoverage } from "../dashboards/read";
import type { Coverage } from "../organisations/coverage";
import { isoDay } from "../time";

/** The figures on `viewDate`, or, for a unit closed before it, on its last day. */
export async function unitPageCoverage(unit: { id: number; validTo: Date | null }, viewDate: Date): Promise<{ asOf: Date; coverage: Coverage }> {
  const asOf = unit.validTo && unit.validTo < viewDate ? unit.validTo : viewDate;
  return { asOf, coverage: await readCoverage(unit.id, isoDay(asOf)) };
}
