/**
 * Parsing of unit boundary files (issue 6), in the form of the government's administrative
 * map service: `{"level1_id","name","coordinates",…,"level2s":[{"level2_id","name",
 * "coordinates",…,"level3s":[…]}]}` with GeoJSON MultiPolygon (or Polygon) coordinates,
 * longitude first. A file may also hold several provinces as `{"data":[…]}`. Pure: the
 * bytes in, checked and simplified shapes out, or every problem by where it is.
 */
import type { CatalogueError, CatalogueLevel } from "../catalogue/parse";
import { positionCount, simplifyMultiPolygon, type MultiPolygon, type Position } from "./simplify";

export type BoundaryError = CatalogueError;

export interface FileBoundary {
  level: CatalogueLevel;
  code: string;
  /** The name as the file writes it, type included ("Huyện Lập Thạch"). */
  name: string;
  /** Simplified and rounded at import (decision 015). */
  coordinates: MultiPolygon;
  /** Where it is in the file, for reports. */
  at: string;
}

export type BoundaryParseResult =
  | { ok: true; boundaries: FileBoundary[]; /** positions read and kept, for the report */ positions: { read: number; kept: number } }
  | { ok: false; errors: BoundaryError[]; truncated: boolean };

export const MAX_BOUNDARY_BYTES = 50 * 1024 * 1024;
export const MAX_BOUNDARY_ERRORS = 50;

/**
 * Vietnam with its islands (Trường Sa reaches 117.8° E and 6.9° N), with a margin. A
 * position outside is a wrong file or latitude and longitude swapped.
 */
export const VIETNAM_BOX = { west: 102, east: 118, south: 6, north: 23.5 } as const;

/** ≈ 5 m: below anything a map of a commune can show (the map simplifies again to what it draws). */
export const IMPORT_TOLERANCE_DEGREES = 0.00005;
/** 5 decimals of a degree ≈ 1 m. */
export const IMPORT_DIGITS = 5;

const ID_KEY = ["level1_id", "level2_id", "level3_id"] as const;
const CHILD_KEY = ["level2s", "level3s", null] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

class Problems {
  readonly items: BoundaryError[] = [];
  truncated = false;
  add(at: string, message: string) {
    if (this.items.length < MAX_BOUNDARY_ERRORS) this.items.push({ at, message });
    else this.truncated = true;
  }
}

/** The level a node of the given depth stands for. Level 2 holds communes in files drawn after the 2025 reform. */
function levelOf(depth: number, code: string): CatalogueLevel | null {
  if (depth === 0) return code.length === 2 ? "PROVINCE" : null;
  if (depth === 1) return code.length === 3 ? "DISTRICT" : code.length === 5 ? "COMMUNE" : null;
  return code.length === 5 ? "COMMUNE" : null;
}

const CODE_HINT = ["2 chữ số (tỉnh)", "3 chữ số (huyện) hoặc 5 chữ số (xã)", "5 chữ số (xã)"];

/**
 * Reads coordinates into a MultiPolygon, checking every ring and position; reports the
 * first problem of each ring (a broken ring usually breaks everywhere).
 */
function readShape(raw: unknown, at: string, problems: Problems): MultiPolygon | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(at, "tọa độ phải là một mảng đa giác (MultiPolygon) không rỗng");
    return null;
  }
  // A Polygon is one level shallower than a MultiPolygon: [[[lng, lat], …]].
  const isPolygon = Array.isArray(raw[0]) && Array.isArray(raw[0][0]) && typeof raw[0][0][0] === "number";
  const polygons = (isPolygon ? [raw] : raw) as unknown[];
  const shape: MultiPolygon = [];
  let ok = true;
  polygons.forEach((polygon, i) => {
    const pAt = isPolygon ? at : `${at}[${i}]`;
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.add(pAt, "đa giác phải là một mảng vòng (ring) không rỗng");
      ok = false;
      return;
    }
    const rings: Position[][] = [];
    polygon.forEach((ring, j) => {
      const rAt = `${pAt}[${j}]`;
      const read = readRing(ring, rAt, problems);
      if (read) rings.push(read);
      else ok = false;
    });
    shape.push(rings);
  });
  return ok ? shape : null;
}

function readRing(ring: unknown, at: string, problems: Problems): Position[] | null {
  if (!Array.isArray(ring)) {
    problems.add(at, "vòng phải là một mảng điểm [kinh độ, vĩ độ]");
    return null;
  }
  if (ring.length < 4) {
    problems.add(at, `vòng chỉ có ${ring.length} điểm, cần ít nhất 4 (điểm cuối trùng điểm đầu)`);
    return null;
  }
  const positions: Position[] = [];
  for (const [k, p] of ring.entries()) {
    const pAt = `${at}[${k}]`;
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== "number" || typeof p[1] !== "number" || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      problems.add(pAt, `điểm phải là hai số [kinh độ, vĩ độ], nhận được ${JSON.stringify(p)?.slice(0, 60)}`);
      return null;
    }
    const [lng, lat] = p as number[];
    if (lng < VIETNAM_BOX.west || lng > VIETNAM_BOX.east || lat < VIETNAM_BOX.south || lat > VIETNAM_BOX.north) {
      const swapped = lat >= VIETNAM_BOX.west && lat <= VIETNAM_BOX.east && lng >= VIETNAM_BOX.south && lng <= VIETNAM_BOX.north;
      problems.add(
        pAt,
        `điểm [${lng}, ${lat}] nằm ngoài lãnh thổ Việt Nam (kinh độ ${VIETNAM_BOX.west}–${VIETNAM_BOX.east}, vĩ độ ${VIETNAM_BOX.south}–${VIETNAM_BOX.north})${swapped ? "; có thể kinh độ và vĩ độ bị đảo chỗ (phải là kinh độ trước)" : ""}`,
      );
      return null;
    }
    positions.push([lng, lat]);
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.add(at, `vòng không khép kín: điểm cuối [${last}] khác điểm đầu [${first}]`);
    return null;
  }
  return positions;
}

export function parseBoundaries(input: Uint8Array | string): BoundaryParseResult {
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_BOUNDARY_BYTES) {
    return { ok: false, errors: [{ at: "tệp", message: `tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB); giới hạn là ${MAX_BOUNDARY_BYTES / 1024 / 1024} MB` }], truncated: false };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(typeof input === "string" ? input : new TextDecoder("utf-8").decode(input));
  } catch (error) {
    return { ok: false, errors: [{ at: "tệp", message: `không đọc được JSON: ${error instanceof Error ? error.message : String(error)}` }], truncated: false };
  }
  const several = isObject(doc) && Array.isArray(doc.data);
  const roots = several ? ((doc as Json).data as unknown[]) : isObject(doc) && "level1_id" in doc ? [doc] : null;
  if (!roots) {
    return { ok: false, errors: [{ at: "tệp", message: 'tệp phải có dạng {"level1_id", "name", "level2s": [...]} hoặc {"data": [...]}' }], truncated: false };
  }

  const problems = new Problems();
  const boundaries: FileBoundary[] = [];
  const seen = new Map<string, string>();
  const positions = { read: 0, kept: 0 };

  const visit = (node: unknown, at: string, depth: number) => {
    if (!isObject(node)) {
      problems.add(at, "phần tử phải là một đối tượng JSON");
      return;
    }
    const rawCode = node[ID_KEY[depth]];
    const code = typeof rawCode === "number" ? String(rawCode) : typeof rawCode === "string" ? rawCode.trim() : "";
    const name = typeof node.name === "string" ? node.name.normalize("NFC").replace(/\s+/g, " ").trim() : "";
    const label = name ? `${at} (${name})` : at;
    const level = /^\d+$/.test(code) ? levelOf(depth, code) : null;
    if (!code) problems.add(label, `thiếu mã đơn vị "${ID_KEY[depth]}"`);
    else if (!level) problems.add(label, `mã "${code}" không hợp lệ: phải gồm ${CODE_HINT[depth]}`);
    if (!name) problems.add(label, "thiếu tên đơn vị");

    // A province may be a mere container of its districts; every lower unit must have a shape.
    const hasShape = node.coordinates !== undefined && node.coordinates !== null;
    if (!hasShape && depth > 0) problems.add(label, "thiếu tọa độ ranh giới (coordinates)");
    if (hasShape) {
      const shape = readShape(node.coordinates, `${label}.coordinates`, problems);
      if (shape && level && name) {
        const key = `${level}:${code}`;
        const previous = seen.get(key);
        if (previous) problems.add(label, `trùng mã ${code} (đã có ở ${previous})`);
        else {
          seen.set(key, label);
          const coordinates = simplifyMultiPolygon(shape, IMPORT_TOLERANCE_DEGREES, IMPORT_DIGITS);
          positions.read += positionCount(shape);
          positions.kept += positionCount(coordinates);
          boundaries.push({ level, code, name, coordinates, at: label });
        }
      }
    }

    const childKey = CHILD_KEY[depth];
    if (!childKey || node[childKey] === undefined) return;
    const children = node[childKey];
    if (!Array.isArray(children)) {
      problems.add(label, `"${childKey}" phải là một mảng`);
      return;
    }
    children.forEach((child, i) => visit(child, `${at}.${childKey}[${i}]`, depth + 1));
  };

  roots.forEach((root, i) => visit(root, several ? `data[${i}]` : "tỉnh", 0));
  if (problems.items.length) return { ok: false, errors: problems.items, truncated: problems.truncated };
  return { ok: true, boundaries, positions };
}
