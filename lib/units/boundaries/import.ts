/**
 * Importing unit boundaries (issue 6): each shape of the file is matched by level and
 * official code among the units valid on the as-of day (codes are reused across reforms,
 * decision 003), and its `UnitBoundary` row is created or replaced, all in one
 * transaction. A shape equal to the stored one is left alone, so a second run with the
 * same file writes nothing.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { Tx } from "../../db/client";
import { audit } from "../../audit/log";
import { isoDay } from "../../time";
import { toSearchText } from "../../text/search";
import { unitFullName } from "../labels";
import { splitName, type CatalogueLevel } from "../catalogue/parse";
import { unitsValidOn } from "../merger/import";
import type { FileBoundary } from "./parse";

export interface MatchedBoundary {
  unitId: number;
  level: CatalogueLevel;
  code: string;
  /** The unit's name in the database ("Huyện Lập Thạch"). */
  unitName: string;
  /** The name in the file, when it differs from the unit's (worth a look: a wrong code?). */
  fileName?: string;
  change: "new" | "changed" | "unchanged";
}

export interface UnmatchedBoundary {
  level: CatalogueLevel;
  code: string;
  name: string;
  at: string;
}

export interface BoundaryPlan {
  matched: MatchedBoundary[];
  unmatched: UnmatchedBoundary[];
  counts: { new: number; changed: number; unchanged: number; unmatched: number };
}

export interface BoundaryImportOptions {
  /** The user who imports; null for the command line. */
  actorId: number | null;
  /** Units are matched among those valid on this day. */
  asOf: Date;
}

type Db = Pick<Tx, "$queryRaw">;

/** The command that runs this import on the server (scripts/units-import-boundaries.ts), for messages that point to it. */
export function boundaryImportCommand(file: string, asOf?: string): string {
  return `npm run units:import-boundaries -- ${file}${asOf ? ` --as-of ${asOf}` : ""}`;
}

const LEVELS: CatalogueLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

/** The same name whatever the case, accents and type prefix: "Huyện Lập Thạch" ~ "Lập Thạch". */
function sameName(level: CatalogueLevel, fileName: string, unit: { typeLabel: string; name: string }): boolean {
  const split = splitName(level, fileName, null);
  const bare = "error" in split ? fileName : split.name;
  return toSearchText(bare) === toSearchText(unit.name);
}

/** Canonical text of a shape, to tell a changed one from the stored one (jsonb keeps arrays and numbers as they are). */
const shapeKey = (coordinates: unknown) => JSON.stringify(coordinates);

async function plan(db: Db, boundaries: FileBoundary[], asOf: Date): Promise<BoundaryPlan & { writes: { unitId: number; coordinates: FileBoundary["coordinates"] }[] }> {
  const byLevel = new Map<CatalogueLevel, Map<string, { id: number; typeLabel: string; name: string }>>();
  for (const level of LEVELS) {
    if (!boundaries.some((b) => b.level === level)) continue;
    const units = new Map<string, { id: number; typeLabel: string; name: string }>();
    const duplicates: string[] = [];
    for (const u of await unitsValidOn(db, asOf, level)) {
      if (!u.code) continue;
      if (units.has(u.code)) duplicates.push(u.code);
      else units.set(u.code, u);
    }
    const wanted = duplicates.filter((code) => boundaries.some((b) => b.level === level && b.code === code));
    if (wanted.length) {
      throw new Error(`Có nhiều đơn vị cùng mã còn hiệu lực vào ngày ${isoDay(asOf)}, không thể đối chiếu: ${wanted.slice(0, 10).join(", ")}`);
    }
    byLevel.set(level, units);
  }

  const matchedUnits = boundaries.flatMap((b) => {
    const unit = byLevel.get(b.level)?.get(b.code);
    return unit ? [{ boundary: b, unit }] : [];
  });
  const stored = new Map<number, string>();
  if (matchedUnits.length) {
    const ids = matchedUnits.map((m) => m.unit.id);
    const rows = await db.$queryRaw<{ unitId: number; coordinates: unknown }[]>`
      SELECT "unitId", coordinates FROM "UnitBoundary" WHERE "unitId" = ANY(${ids}::int[])`;
    for (const row of rows) stored.set(row.unitId, shapeKey(row.coordinates));
  }

  const matched: MatchedBoundary[] = [];
  const writes: { unitId: number; coordinates: FileBoundary["coordinates"] }[] = [];
  for (const { boundary, unit } of matchedUnits) {
    const before = stored.get(unit.id);
    const change = before === undefined ? "new" : before === shapeKey(boundary.coordinates) ? "unchanged" : "changed";
    if (change !== "unchanged") writes.push({ unitId: unit.id, coordinates: boundary.coordinates });
    matched.push({
      unitId: unit.id,
      level: boundary.level,
      code: boundary.code,
      unitName: unitFullName(unit),
      ...(sameName(boundary.level, boundary.name, unit) ? {} : { fileName: boundary.name }),
      change,
    });
  }
  const unmatched = boundaries
    .filter((b) => !byLevel.get(b.level)?.has(b.code))
    .map((b) => ({ level: b.level, code: b.code, name: b.name, at: b.at }));
  const count = (c: MatchedBoundary["change"]) => matched.filter((m) => m.change === c).length;
  return { matched, unmatched, writes, counts: { new: count("new"), changed: count("changed"), unchanged: count("unchanged"), unmatched: unmatched.length } };
}

/** What importing would do, without writing anything (the command's --dry-run). */
export async function previewBoundaries(db: Db, boundaries: FileBoundary[], asOf: Date): Promise<BoundaryPlan> {
  const { writes: _writes, ...rest } = await plan(db, boundaries, asOf);
  return rest;
}

/** Rows per INSERT: a commune's shape is a few KB, so a chunk stays well under a megabyte or two. */
const CHUNK = 200;

/**
 * Creates or replaces the boundaries of the matched units in one transaction, with one
 * audit row (`units.boundaries-import`) when anything changed. Unmatched shapes are
 * reported, never written.
 */
export async function importBoundaries(client: PrismaClient, boundaries: FileBoundary[], options: BoundaryImportOptions): Promise<BoundaryPlan> {
  return client.$transaction(
    async (tx) => {
      const { writes, ...result } = await plan(tx, boundaries, options.asOf);
      for (let i = 0; i < writes.length; i += CHUNK) {
        const rows = writes.slice(i, i + CHUNK);
        await tx.$executeRaw`
          INSERT INTO "UnitBoundary" ("unitId", coordinates, "importedAt")
          SELECT r."unitId", r.coordinates, now()
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("unitId" int, coordinates jsonb)
          ON CONFLICT ("unitId") DO UPDATE SET coordinates = EXCLUDED.coordinates, "importedAt" = EXCLUDED."importedAt"`;
      }
      if (writes.length) {
        await audit(tx, {
          actorId: options.actorId,
          action: "units.boundaries-import",
          entity: "UnitBoundary",
          data: { asOf: isoDay(options.asOf), counts: result.counts, unmatched: result.unmatched.map((u) => u.code) },
        });
      }
      return result;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
