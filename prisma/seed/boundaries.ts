/**
 * The demo's map (issue 14): the boundaries of Vĩnh Phúc and its districts, read from the
 * reference data beside the project and written by the one boundary import
 * (lib/units/boundaries), as `npm run units:import-boundaries` would. The file is never copied
 * into the project (decision 043): without it the demo is whole, its map empty, and the seed
 * says in one line how to draw it later.
 */
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { sharedDataDir } from "../../lib/shared-data";
import { boundaryImportCommand, importBoundaries } from "../../lib/units/boundaries/import";
import { parseBoundaries } from "../../lib/units/boundaries/parse";
import { dbDate } from "./util";

export const DEMO_BOUNDARY_FILE = "gis-districts-26-vinh-phuc.json";

/**
 * The day the file describes: its source's catalogue date (../shared/data/README.md), when
 * Vĩnh Phúc still had its districts. The demo's districts are open-ended, so they are valid on
 * it, and would still be if the demo closed them at the 2025 reform; on today's date, a file of
 * districts matches nothing in a database where the reform was imported.
 */
export const DEMO_BOUNDARY_AS_OF = "2025-03-01";

/** A path as the user would type it from the project folder: relative beside it, absolute elsewhere. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("../..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * Imports the demo's boundaries when the file is there; returns the names of the units that
 * received one (none when the file is missing or unreadable: the demo goes on without a map).
 */
export async function seedBoundaries(db: PrismaClient, opts: { dir?: string; log: (msg: string) => void }): Promise<string[]> {
  const file = path.join(opts.dir ?? sharedDataDir(), DEMO_BOUNDARY_FILE);
  const later = boundaryImportCommand(shown(file), DEMO_BOUNDARY_AS_OF);
  if (!fs.existsSync(file)) {
    opts.log(`  Bản đồ: không có tệp ranh giới ${shown(file)}, bản đồ để trống; nhập sau (khi ứng dụng đã dừng) bằng / map: no boundary file, the map stays empty; import it later (with the app stopped): ${later}`);
    return [];
  }
  let parsed: ReturnType<typeof parseBoundaries>;
  try {
    parsed = parseBoundaries(fs.readFileSync(file));
  } catch (error) {
    parsed = { ok: false, errors: [{ at: "tệp", message: error instanceof Error ? error.message : String(error) }], truncated: false };
  }
  if (!parsed.ok) {
    const first = parsed.errors[0];
    opts.log(`  Bản đồ: tệp ranh giới ${shown(file)} có lỗi (${first.at}: ${first.message}), bản đồ để trống / map: the boundary file is not usable, the map stays empty; check it with: ${later} --dry-run`);
    return [];
  }
  const plan = await importBoundaries(db, parsed.boundaries, { actorId: null, asOf: dbDate(DEMO_BOUNDARY_AS_OF) });
  return plan.matched.map((m) => m.unitName);
}
