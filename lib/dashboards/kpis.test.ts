import { describe, expect, it } from "vitest";
import { addVector, emptyMeasures, MEASURES, toKpis } from "./kpis";

describe("KPIs from rollup measures", () => {
  it("splits resolved into settled and explained, with shares that say how much was only explained", () => {
    const m = addVector(emptyMeasures(), [200, 170, 196, 150, 46, 180, 1372, 120, 90, 3, 2, 110, 120, 9, 10]);
    const k = toKpis(m, { overdue: 4, cadresTrained: 12 });
    expect(k).toMatchObject({ received: 200, receivedResolved: 170, resolved: 196, settled: 150, explained: 46, resolvedRate: 85, settledRate: 76.5, explainedRate: 23.5 });
    expect(k.onTimeRate).toBe(91.8);
    expect(k.avgWorkingDaysToResolve).toBe(7);
    expect(k.satisfactionRate).toBe(75);
    expect(k.teamMeetingCompliance).toBe(91.7);
    expect(k.briefingCompliance).toBe(90);
    expect(k).toMatchObject({ overdue: 4, cadresTrained: 12, reopened: 3, escalated: 2 });
  });

  it("counts the resolution rate within the period's own petitions, so that resolving older ones cannot pass 100 % (issue 14)", () => {
    const m = emptyMeasures();
    Object.assign(m, { received: 2, receivedResolved: 1, resolved: 12, settled: 12 });
    expect(toKpis(m, { overdue: 0, cadresTrained: 0 }).resolvedRate).toBe(50);
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
