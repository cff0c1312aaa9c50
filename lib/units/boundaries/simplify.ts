/**
 * Geometry helpers shared by the boundary import (in degrees) and the map (in SVG units):
 * Douglas–Peucker simplification of a closed ring and rounding. Pure. Decision 015.
 */

export type Position = [number, number];
/** A ring: closed (first position = last), at least 4 positions. */
export type Ring = Position[];
/** A polygon: the outer ring, then its holes. */
export type Polygon = Ring[];
/** GeoJSON MultiPolygon coordinates, longitude first. */
export type MultiPolygon = Polygon[];

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on an open polyline; keeps both ends. Iterative, so long rings cannot overflow the stack. */
function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const tolerance2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i], points[first], points[last]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst !== -1) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * Simplifies a closed ring. The ring is cut at its first position and at the position
 * farthest from it, so that both halves are simplified as lines and the ring stays closed.
 * Returns null when fewer than 3 distinct corners survive (a speck at this tolerance).
 */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  const open = ring.slice(0, -1);
  if (open.length < 3) return null;
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < open.length; i++) {
    const d = (open[i][0] - open[0][0]) ** 2 + (open[i][1] - open[0][1]) ** 2;
    if (d > farDistance) {
      far = i;
      farDistance = d;
    }
  }
  const first = simplifyLine(open.slice(0, far + 1), tolerance);
  const second = simplifyLine([...open.slice(far), open[0]], tolerance);
  const corners = [...first, ...second.slice(1, -1)];
  if (corners.length < 3) return null;
  return [...corners, corners[0]];
}

/** Rounds to `digits` decimals and drops the repeats that rounding makes. */
export function roundRing(ring: Ring, digits: number): Ring {
  const factor = 10 ** digits;
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const previous = out[out.length - 1];
    if (!previous || previous[0] !== p[0] || previous[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * Simplifies then rounds every ring. A hole that vanishes is dropped; a polygon whose
 * outer ring vanishes is dropped; when every polygon would vanish the largest outer ring
 * is kept as it was, so that a unit never loses its shape.
 */
export function simplifyMultiPolygon(shape: MultiPolygon, tolerance: number, digits: number): MultiPolygon {
  const out: MultiPolygon = [];
  for (const polygon of shape) {
    const rings: Polygon = [];
    for (const [i, ring] of polygon.entries()) {
      const simplified = simplifyRing(ring, tolerance);
      const rounded = simplified && roundRing(simplified, digits);
      if (!rounded || rounded.length < 4) {
        if (i === 0) break;
        continue;
      }
      rings.push(rounded);
    }
    if (rings.length) out.push(rings);
  }
  if (out.length) return out;
  const largest = shape.map((p) => p[0]).reduce((a, b) => (b.length > a.length ? b : a));
  return [[roundRing(largest, digits)]];
}

/** The number of positions of a shape (for reports and tests). */
export function positionCount(shape: MultiPolygon): number {
  return shape.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length, 0), 0);
}
