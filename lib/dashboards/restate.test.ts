import { describe, expect, it } from "vitest";
import { restate, type Cells } from "./restate";

// nation 1 → province 2 → communes 3 (old, closed) and 4 (new) → village 5 (moved from 3 to 4 in March)
const cells = (entries: [string, number[]][]): Cells => new Map(entries);

describe("restating rollup cells", () => {
  const data = new Map<number, Cells>([
    [2, cells([["2026-02-01", [7]], ["2026-03-01", [9]]])],
    [3, cells([["2026-02-01", [2]]])], // records made at the old commune itself
    [4, cells([["2026-02-01", [5]], ["2026-03-01", [9]]])],
    [5, cells([["2026-02-01", [5]], ["2026-03-01", [9]]])],
  ]);

  it("puts a moved village's months before the move back on its old commune", () => {
    const shift = { atomId: 5, from: [1, 2, 4, 5], to: [1, 2, 3, 5], months: new Set(["2026-02-01"]) };
    const view = restate(data, [2, 3, 4, 5], [shift], new Map());
    expect(view.get(3)!.get("2026-02-01")).toEqual([7]);
    expect(view.get(4)!.get("2026-02-01")).toEqual([0]);
    expect(view.get(4)!.get("2026-03-01")).toEqual([9]);
    // the province and the village itself are on both paths: unchanged
    expect(view.get(2)!.get("2026-02-01")).toEqual([7]);
    expect(view.get(5)!.get("2026-02-01")).toEqual([5]);
  });

  it("moves only a unit's own records, not its children's", () => {
    // commune 3 still had village 5 under it: its own records are 7 - 5 = 2
    const withChild = new Map(data).set(3, cells([["2026-02-01", [7]]]));
    const shift = { atomId: 3, from: [1, 2, 3], to: [1, 2, 4], months: null };
    const view = restate(withChild, [3, 4], [shift], new Map([[3, [5]]]));
    expect(view.get(3)!.get("2026-02-01")).toEqual([5]);
    expect(view.get(4)!.get("2026-02-01")).toEqual([7]);
  });

  it("leaves every unit alone without shifts", () => {
    const view = restate(data, [2, 4], [], new Map());
    expect(view.get(2)).toEqual(data.get(2));
    expect(view.get(4)).toEqual(data.get(4));
  });
});
