import { describe, expect, it } from "vitest";
import { planMoves, uniqueLinks } from "./steps";

describe("merger steps, pure parts", () => {
  it("keeps one link per pair, PARTIAL winning over FULL", () => {
    expect(
      uniqueLinks([
        { predecessorId: 1, successorId: 10, kind: "FULL" },
        { predecessorId: 1, successorId: 10, kind: "PARTIAL" },
        { predecessorId: 1, successorId: 10, kind: "FULL" },
        { predecessorId: 2, successorId: 10, kind: "FULL" },
      ]),
    ).toEqual([
      { predecessorId: 1, successorId: 10, kind: "PARTIAL" },
      { predecessorId: 2, successorId: 10, kind: "FULL" },
    ]);
  });

  it("moves a unit whole only when its one link is FULL; anything else is a split with sorted candidates", () => {
    const { whole, splits } = planMoves([
      { predecessorId: 1, successorId: 10, kind: "FULL" },
      { predecessorId: 2, successorId: 12, kind: "FULL" },
      { predecessorId: 2, successorId: 11, kind: "FULL" },
      { predecessorId: 3, successorId: 10, kind: "PARTIAL" },
    ]);
    expect(whole).toEqual([{ old: 1, successor: 10 }]);
    expect(splits).toEqual([
      { old: 2, candidates: [11, 12] },
      { old: 3, candidates: [10] },
    ]);
  });
});
