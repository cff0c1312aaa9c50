import { describe, expect, it } from "vitest";
import { minimalRoots } from "./reach";

describe("minimalRoots", () => {
  it("keeps the predecessors outside the home unit's subtree and outside each other's", () => {
    // 1 nation; 2 the new province (home); 3, 4 provinces merged into it; 5 a commune of 3 the closure also
    // names (through a new commune); 6 a commune once under 2 itself; 7 a commune elsewhere.
    const units = [
      { id: 3, ancestorIds: [1, 3] },
      { id: 4, ancestorIds: [1, 4] },
      { id: 5, ancestorIds: [1, 3, 50, 5] },
      { id: 6, ancestorIds: [1, 2, 60, 6] },
      { id: 7, ancestorIds: [1, 8, 70, 7] },
    ];
    expect(minimalRoots(2, units)).toEqual([3, 4, 7]);
  });

  it("gives nothing for a unit nothing closed into", () => {
    expect(minimalRoots(2, [])).toEqual([]);
  });
});
