import { describe, expect, it } from "vitest";
import { columnCentre, labelledMonths, niceTicks } from "./chart-frame";

describe("niceTicks", () => {
  it("climbs in round whole steps from 0 to the first tick at or above the largest value", () => {
    expect(niceTicks(1100)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(45)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(90)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(400)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("keeps an axis when there is nothing to count", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it("never steps by less than one (petitions and meetings are counted whole)", () => {
    for (const max of [1, 2, 7, 13, 99, 250, 12345]) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe("labelledMonths", () => {
  it("labels up to six months evenly on a wide axis, and every other one of those on a phone", () => {
    const narrow = (count: number) => [...labelledMonths(count)].filter(([, w]) => w === "narrow").map(([i]) => i);
    expect([...labelledMonths(12).keys()]).toEqual([0, 2, 4, 6, 8, 10]);
    expect(narrow(12)).toEqual([0, 4, 8]);
    expect([...labelledMonths(3).keys()]).toEqual([0, 1, 2]);
    expect(narrow(3)).toEqual([0, 2]);
    expect([...labelledMonths(24).keys()]).toEqual([0, 4, 8, 12, 16, 20]);
    expect(narrow(1)).toEqual([0]);
  });
});

describe("columnCentre", () => {
  it("puts each month in the middle of its column", () => {
    expect(columnCentre(0, 1)).toBe("50%");
    expect(columnCentre(3, 4)).toBe("87.5%");
  });
});
