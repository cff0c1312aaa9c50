import { describe, expect, it } from "vitest";
import { positionCount, roundRing, simplifyMultiPolygon, simplifyRing, type Ring } from "./simplify";

/** A square of side 1 with a point every 0.1 along each edge, slightly wobbling. */
function wobblySquare(wobble: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < 10; i++) ring.push([i / 10, i % 2 ? wobble : 0]);
  for (let i = 0; i < 10; i++) ring.push([1, i / 10]);
  for (let i = 0; i < 10; i++) ring.push([1 - i / 10, 1]);
  for (let i = 0; i < 10; i++) ring.push([0, 1 - i / 10]);
  ring.push(ring[0]);
  return ring;
}

describe("simplifyRing", () => {
  it("keeps the corners of a square and drops the points along its edges", () => {
    const simplified = simplifyRing(wobblySquare(0.001), 0.01)!;
    expect(simplified).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it("keeps a wobble larger than the tolerance", () => {
    const simplified = simplifyRing(wobblySquare(0.05), 0.01)!;
    expect(simplified.length).toBeGreaterThan(5);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
  });

  it("says a ring smaller than the tolerance vanishes", () => {
    expect(simplifyRing([[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]], 0.01)).toBeNull();
  });
});

describe("roundRing", () => {
  it("rounds and drops the repeats rounding makes", () => {
    expect(roundRing([[105.123456, 21.1], [105.123459, 21.100001], [105.2, 21.2]], 5)).toEqual([[105.12346, 21.1], [105.2, 21.2]]);
  });
});

describe("simplifyMultiPolygon", () => {
  it("drops a hole and an island that vanish, keeps the main shape", () => {
    const hole: Ring = [[0.5, 0.5], [0.5005, 0.5], [0.5005, 0.5005], [0.5, 0.5]];
    const island: Ring = [[3, 3], [3.001, 3], [3.001, 3.001], [3, 3]];
    const out = simplifyMultiPolygon([[wobblySquare(0.001), hole], [island]], 0.01, 5);
    expect(out).toEqual([[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]]);
  });

  it("never leaves a unit without a shape", () => {
    const speck: Ring = [[3, 3], [3.001, 3], [3.001, 3.001], [3, 3]];
    expect(positionCount(simplifyMultiPolygon([[speck]], 1, 5))).toBe(4);
  });
});
