import { describe, expect, it } from "vitest";
import { MIN_RESOLVED_TO_JUDGE, thresholdStanding } from "./columns";
import { emptyMeasures, toKpis } from "./kpis";

/** KPIs with `resolved` petitions of which `onTime` on time. */
function kpis(resolved: number, onTime: number) {
  const m = emptyMeasures();
  m.received = resolved;
  m.resolved = resolved;
  m.settled = resolved;
  m.resolvedOnTime = onTime;
  return toKpis(m, { overdue: 0, cadresTrained: 0 });
}

describe("a unit against the on-time threshold", () => {
  it("stands out below the threshold, not at it or above", () => {
    expect(thresholdStanding(kpis(10, 7), 80)).toBe("below");
    expect(thresholdStanding(kpis(10, 8), 80)).toBeNull();
    expect(thresholdStanding(kpis(10, 10), 80)).toBeNull();
  });

  it("is too few to judge below the minimum of resolved petitions, however late they were (issue 14)", () => {
    expect(MIN_RESOLVED_TO_JUDGE).toBeGreaterThan(1);
    expect(thresholdStanding(kpis(1, 0), 80)).toBe("tooFew");
    expect(thresholdStanding(kpis(MIN_RESOLVED_TO_JUDGE - 1, 0), 80)).toBe("tooFew");
    expect(thresholdStanding(kpis(MIN_RESOLVED_TO_JUDGE, 0), 80)).toBe("below");
  });

  it("says nothing when nothing was resolved", () => {
    expect(thresholdStanding(kpis(0, 0), 80)).toBeNull();
  });
});
