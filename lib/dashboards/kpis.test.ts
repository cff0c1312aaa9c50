import { describe, expect, it } from "vitest";
import { addVector, emptyMeasures, MEASURES, toKpis } from "./kpis";

describe("KPIs from rollup measures", () => {
  it("splits resolved into settled and explained, with shares that say how much was only explained", () => {
    const m = addVector(emptyMeasures(), [200, 196, 150, 46, 180, 1372, 120, 90, 3, 2, 110, 120, 9, 10]);
    const k = toKpis(m, { overdue: 4, cadresTrained: 12 });
    expect(k).toMatchObject({ received: 200, resolved: 196, settled: 150, explained: 46, resolvedRate: 98, settledRate: 76.5, explainedRate: 23.5 });
    expect(k.onTimeRate).toBe(91.8);
    expect(k.avgWorkingDaysToResolve).toBe(7);
    expect(k.satisfactionRate).toBe(75);
    expect(k.teamMeetingCompliance).toBe(91.7);
    expect(k.briefingCompliance).toBe(90);
    expect(k).toMatchObject({ overdue: 4, cadresTrained: 12, reopened: 3, escalated: 2 });
  });

  it("gives null shares and averages when there is nothing to divide by", () => {
    const k = toKpis(emptyMeasures(), { overdue: null, cadresTrained: 0 });
    expect([k.resolvedRate, k.onTimeRate, k.avgWorkingDaysToResolve, k.satisfactionRate, k.teamMeetingCompliance, k.overdue]).toEqual([null, null, null, null, null, null]);
  });

  it("never shows 100% for an incomplete share", () => {
    const m = addVector(emptyMeasures(), MEASURES.map(() => 0));
    m.teamsHeld = 999;
    m.teamsExpected = 1000;
    expect(toKpis(m, { overdue: 0, cadresTrained: 0 }).teamMeetingCompliance).toBe(99.9);
  });
});
