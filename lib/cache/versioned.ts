/**
 * Small figures kept in this process's memory with the versions of the data they were counted from
 * (decision 074), as files are (decision 034, lib/export/file-cache.ts): a request reads the versions
 * (one statement, two primary-key look-ups) and finds the figure counted at those versions, or counts it
 * and keeps it. The versions are raised by statement-level triggers on "Unit" and "Organisation", so a
 * kept figure is never stale: a write moves the version and the next request counts again. Least
 * recently used first out past `maxEntries`. Each app process keeps its own.
 */
import { db } from "../db/client";

/** The versions of the unit tree and of the organisations; null for one whose row is missing (then nothing is kept). */
export interface StructureVersions {
  units: string | null;
  organisations: string | null;
}

export async function structureVersions(): Promise<StructureVersions> {
  const [row] = await db.$queryRaw<{ units: bigint | null; organisations: bigint | null }[]>`
    SELECT (SELECT version FROM "UnitTreeVersion" WHERE id = 1) AS units,
           (SELECT version FROM "OrganisationVersion" WHERE id = 1) AS organisations`;
  return { units: row?.units == null ? null : String(row.units), organisations: row?.organisations == null ? null : String(row.organisations) };
}

/** The versions the average village scores are read at: the unit tree's and the score sheets'; null when a row is missing. */
export async function scoringVersion(): Promise<string | null> {
  const [row] = await db.$queryRaw<{ units: bigint | null; sheets: bigint | null }[]>`
    SELECT (SELECT version FROM "UnitTreeVersion" WHERE id = 1) AS units,
           (SELECT version FROM "ScoreSheetVersion" WHERE id = 1) AS sheets`;
  return row?.units == null || row?.sheets == null ? null : `${row.units}.${row.sheets}`;
}

export class VersionedMemo<V> {
  private readonly kept = new Map<string, { version: string; value: V }>();

  constructor(readonly maxEntries: number) {}

  /**
   * The value kept for `key` at `version`, else `compute()`'s, kept for the next request. A null version
   * (a version row missing) keeps nothing. A value counted while the data changed is kept under the
   * version read before it, which the next request no longer asks for.
   */
  async get(key: string, version: string | null, compute: () => Promise<V>): Promise<V> {
    if (version === null) return compute();
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      if (hit.version === version) {
        this.kept.set(key, hit); // most recently used last
        return hit.value;
      }
    }
    const value = await compute();
    this.kept.set(key, { version, value });
    while (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.kept.size;
  }
}
