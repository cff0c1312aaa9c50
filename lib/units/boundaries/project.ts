import "server-only";
import { geoMercator } from "d3-geo";
import { simplifyMultiPolygon, type MultiPolygon, type Position } from "./simplify";

/**
 * Boundary shapes to SVG path strings, on the server (decision 015): the page sends the
 * browser a few kilobytes of `d` attributes, never d3 or the coordinates. The shapes are
 * projected together (Mercator, fitted to the longer side), then simplified in SVG units,
 * so that the detail sent is what the drawing can show, whatever the source's detail.
 */

export interface ProjectedMap {
  /** viewBox width and height; the longer side is `size`, plus the margin. */
  width: number;
  height: number;
  /** SVG path `d` per unit id, in the order given. */
  paths: Map<number, string>;
}

export interface ProjectOptions {
  /** The longer side in SVG units (default 800). */
  size?: number;
  /** Douglas–Peucker tolerance in SVG units (default 0.5: a quarter of a pixel on a 360 px phone, half one at full size). */
  tolerance?: number;
  /** Margin around the shapes (default 4, room for the focus outline). */
  margin?: number;
}

const ONE_DECIMAL = 1;

function ringPath(ring: Position[]): string {
  // The last position repeats the first: Z closes the ring instead.
  return `M${ring.slice(0, -1).map(([x, y]) => `${x},${y}`).join("L")}Z`;
}

export function projectShapes(shapes: { unitId: number; coordinates: MultiPolygon }[], options: ProjectOptions = {}): ProjectedMap {
  const size = options.size ?? 800;
  const tolerance = options.tolerance ?? 0.5;
  const margin = options.margin ?? 4;
  if (!shapes.length) return { width: size, height: 0, paths: new Map() };

  // Fitting on the positions as points: d3's spherical polygons depend on ring winding,
  // which files do not agree on; points do not, and the SVG fill uses the even-odd rule.
  const points = shapes.flatMap((s) => s.coordinates.flat(2));
  const projection = geoMercator().fitExtent(
    [
      [0, 0],
      [size, size],
    ],
    { type: "MultiPoint", coordinates: points },
  );
  const projected = shapes.map((s) => ({
    unitId: s.unitId,
    coordinates: s.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => projection(p) as Position))),
  }));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of projected) {
    for (const [x, y] of s.coordinates.flat(2)) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  const paths = new Map<number, string>();
  for (const s of projected) {
    const shifted = s.coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x - minX + margin, y - minY + margin] as Position)));
    const simplified = simplifyMultiPolygon(shifted, tolerance, ONE_DECIMAL);
    paths.set(s.unitId, simplified.flatMap((polygon) => polygon.map(ringPath)).join(""));
  }
  // Rounded, not ceiled: float noise would add a unit, and the margin covers half a unit.
  return { width: Math.round(maxX - minX + 2 * margin), height: Math.round(maxY - minY + 2 * margin), paths };
}
