import { db } from "@/lib/db/client";
import { rebuildRollupsIn, ROLLUP_TABLES } from "@/lib/rollup/rebuild";

/** Every rollup table's non-zero rows, as sorted JSON lines: what the triggers kept, to compare with a rebuild. */
export async function rollupSnapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ROLLUP_TABLES) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    out[table] = rows
      .filter((r) => Object.entries(r).some(([k, v]) => typeof v === "number" && v !== 0 && !/Id$/.test(k)))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}

/** The rollup tables rebuilt from the base tables (lib/rollup/rebuild.ts), then snapshotted. */
export async function rebuiltRollupSnapshot(): Promise<Record<string, string[]>> {
  await db.$transaction((tx) => rebuildRollupsIn(tx), { timeout: 120_000 });
  return rollupSnapshot();
}
