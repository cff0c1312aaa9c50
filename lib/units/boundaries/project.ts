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
  /** Where each unit's name can be written: a point inside its largest polygon, away from its sides. */
  labels: Map<number, Position>;
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
  if (!shapes.length) return { width: size, height: 0, paths: new Map(), labels: new Map() };

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
  const labels = new Map<number, Position>();
  for (const s of projected) {
    const shifted = s.coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x - minX + margin, y - minY + margin] as Position)));
    const simplified = simplifyMultiPolygon(shifted, tolerance, ONE_DECIMAL);
    paths.set(s.unitId, simplified.flatMap((polygon) => polygon.map(ringPath)).join(""));
    const anchor = labelAnchor(simplified);
    if (anchor) labels.set(s.unitId, anchor);
  }
  // Rounded, not ceiled: float noise would add a unit, and the margin covers half a unit.
  return { width: Math.round(maxX - minX + 2 * margin), height: Math.round(maxY - minY + 2 * margin), paths, labels };
}

/** Twice the signed area of a ring and its centroid (shoelace). */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return area === 0 ? { area: 0, x: ring[0][0], y: ring[0][1] } : { area, x: x / (3 * area), y: y / (3 * area) };
}

/**
 * A point for the unit's name: on the horizontal line through the centroid of its largest
 * polygon, the middle of the widest stretch of that line that lies inside the polygon (holes
 * left out). A centroid alone can fall outside a bent shape; this point cannot.
 */
function labelAnchor(shape: MultiPolygon): Position | null {
  const largest = shape.map((polygon) => ({ polygon, ...ringCentroid(polygon[0]) })).reduce((a, b) => (Math.abs(b.area) > Math.abs(a.area) ? b : a), {
    polygon: [] as Position[][],
    area: 0,
    x: 0,
    y: 0,
  });
  if (!largest.area) return null;
  const y = largest.y;
  const crossings: number[] = [];
  for (const ring of largest.polygon) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      // Half-open, so a vertex on the line counts once.
      if (y0 <= y !== y1 <= y) crossings.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
    }
  }
  crossings.sort((a, b) => a - b);
  let best: Position | null = null;
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = crossings[i + 1] - crossings[i];
    if (width > widest) {
      widest = width;
      best = [Math.round(((crossings[i] + crossings[i + 1]) / 2) * 10) / 10, Math.round(y * 10) / 10];
    }
  }
  return best;
}
