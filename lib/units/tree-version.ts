/**
 * The unit tree's version (decision 034): raised by a trigger on every statement that writes
 * "Unit". What is built from the tree alone is kept with the version it was built at.
 */
import { db } from "../db/client";

/**
 * The current version, as text (a key part for lib/export/file-cache.ts); null when its row is missing (a
 * database someone emptied by hand), and then nothing may be kept: no trigger would ever say it went stale.
 */
export async function unitTreeVersion(): Promise<string | null> {
  const row = await db.unitTreeVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row ? String(row.version) : null;
}
