import { describe, expect, it } from "vitest";
import { parseBoundaries } from "./parse";
import { projectShapes } from "./project";
import type { MultiPolygon, Ring } from "./simplify";
import { readSharedFile, sharedData } from "@/tests/support/shared-data";

const REAL = sharedData(["gis-districts-26-vinh-phuc.json"], import.meta.filename);
const [REAL_FILE] = REAL.files;

const square = (lng: number, lat: number, size: number): MultiPolygon => [[[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]]];

/** The numbers of a path string, as [x, y] pairs. */
const pairs = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** Whether a point is inside a path's rings, by the even-odd rule the map fills with. */
function inside(d: string, [x, y]: number[]): boolean {
  let odd = false;
  for (const sub of d.split("M").filter(Boolean)) {
    const ring = pairs(sub);
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

describe("projectShapes", () => {
  it("fits two units side by side into the viewBox, north up, as closed path strings", () => {
    const map = projectShapes([
      { unitId: 1, coordinates: square(105.0, 21.0, 0.1) },
      { unitId: 2, coordinates: square(105.1, 21.0, 0.1) },
    ]);
    // 0.2° by 0.1°: the longer side is 800 plus the margins; Mercator stretches the
    // height by 1/cos(21°) ≈ 1.07.
    expect(map.width).toBe(808);
    expect(map.height).toBeGreaterThan(430);
    expect(map.height).toBeLessThan(440);
    const west = map.paths.get(1)!;
    const east = map.paths.get(2)!;
    expect(west).toMatch(/^M[\d.,L]+Z$/);
    const [first] = pairs(west);
    // The first corner is the south-west one: left and at the bottom.
    expect(first[0]).toBeCloseTo(4, 0);
    expect(first[1]).toBeGreaterThan(430);
    expect(Math.min(...pairs(east).map((p) => p[0]))).toBeCloseTo(404, 0);
    // One decimal at most.
    for (const [x, y] of pairs(west)) expect([x, y].every((n) => Number.isInteger(n * 10))).toBe(true);
  });

  it("draws holes and islands as rings of one path", () => {
    const hole: Ring = [[105.05, 21.05], [105.05, 21.15], [105.15, 21.15], [105.15, 21.05], [105.05, 21.05]];
    const withHole: MultiPolygon = [[...square(105, 21, 0.2)[0], hole], square(105.3, 21, 0.05)[0]];
    const d = projectShapes([{ unitId: 1, coordinates: withHole }]).paths.get(1)!;
    expect(d.match(/M/g)).toHaveLength(3);
  });

  it("puts each unit's name inside it, even where the shape bends round its centroid", () => {
    const square1 = square(105, 21, 0.1);
    // A U open to the north: its centroid lies in the gap between the arms.
    const u: MultiPolygon = [[[[105.2, 21], [105.5, 21], [105.5, 21.3], [105.4, 21.3], [105.4, 21.05], [105.3, 21.05], [105.3, 21.3], [105.2, 21.3], [105.2, 21]]]];
    const map = projectShapes([
      { unitId: 1, coordinates: square1 },
      { unitId: 2, coordinates: u },
    ]);
    const [sx, sy] = map.labels.get(1)!;
    const corners = pairs(map.paths.get(1)!);
    expect(sx).toBeCloseTo((Math.min(...corners.map((p) => p[0])) + Math.max(...corners.map((p) => p[0]))) / 2, 0);
    expect(sy).toBeCloseTo((Math.min(...corners.map((p) => p[1])) + Math.max(...corners.map((p) => p[1]))) / 2, 0);
    expect(inside(map.paths.get(2)!, map.labels.get(2)!)).toBe(true);
  });

  it.skipIf(REAL.skip)("sends a phone a few kilobytes for the nine districts of Vĩnh Phúc", () => {
    const parsed = parseBoundaries(readSharedFile(REAL_FILE));
    if (!parsed.ok) throw new Error("parse");
    const districts = parsed.boundaries.filter((b) => b.level === "DISTRICT");
    const map = projectShapes(districts.map((b, i) => ({ unitId: i, coordinates: b.coordinates })));
    const bytes = [...map.paths.values()].join("").length;
    expect(map.paths.size).toBe(9);
    expect(bytes).toBeLessThan(30_000);
    expect(bytes).toBeGreaterThan(5_000);
    // Vĩnh Phúc is a little wider than tall.
    expect(map.width).toBe(808);
    expect(map.height).toBeGreaterThan(700);
    expect(map.height).toBeLessThan(808);
    // Every district's name is written inside it.
    for (const [id, d] of map.paths) expect(inside(d, map.labels.get(id)!), districts[id].name).toBe(true);
  });
});
