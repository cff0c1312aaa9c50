import { db } from "@/lib/db/client";
import { rebuildRollupsIn, ROLLUP_TABLES } from "@/lib/rollup/rebuild";

/**
 * Every rollup table's non-zero figures, one sorted JSON line per key: what the triggers kept,
 * to compare with a rebuild. A key's slots (the nation's and provinces' rows, decision 027)
 * are summed, as every read sums them; a rebuild writes slot 0 only.
 */
export async function rollupSnapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ROLLUP_TABLES) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    const byKey = new Map<string, Record<string, unknown>>();
    for (const { slot: _slot, ...row } of rows) {
      // Measures are the numbers that are not ids; the rest is the key.
      const isMeasure = (k: string, v: unknown) => typeof v === "number" && !/Id$/.test(k);
      const key = JSON.stringify(Object.entries(row).filter(([k, v]) => !isMeasure(k, v)));
      const sum = byKey.get(key);
      if (!sum) byKey.set(key, { ...row });
      else for (const [k, v] of Object.entries(row)) if (isMeasure(k, v)) sum[k] = (sum[k] as number) + (v as number);
    }
    out[table] = [...byKey.values()]
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
