/**
 * Petition counts read from the rollup tables, for lists too large to count row by row (a
 * province's or the nation's petition list; decision 010). Only what the rollups hold can be
 * answered: received petitions of a unit's subtree by month, with either a status set or a
 * field; those resolved (settled, explained only), first reopened or escalated by month, with a
 * field; and open petitions by deadline. Everything else is `null`, and the caller counts.
 */
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { PetitionStatus } from "../generated/prisma/enums";

export interface RolledUpQuery {
  /** The subtree: every unit's rows hold its whole subtree. */
  unitId: number;
  /** Received in these whole months ("YYYY-MM-01", both included); all months when absent. */
  fromMonth?: string;
  toMonth?: string;
  statuses?: readonly PetitionStatus[];
  fieldId?: number;
  /** Open petitions with a deadline in this range of days ("YYYY-MM-DD", both included); excludes the others. */
  openDue?: { from?: string; to?: string };
  /**
   * What the months count (RollupPetition's measure, each at its own month, decision 014): received
   * (the default), or resolved, settled, explained only, first reopened or escalated.
   */
  measure?: RolledUpMeasure;
}

export const ROLLED_UP_MEASURES = ["received", "resolved", "settled", "explained", "reopened", "escalated"] as const;
export type RolledUpMeasure = (typeof ROLLED_UP_MEASURES)[number];

const FAR_PAST = "0001-01-01";
const FAR_FUTURE = "9999-12-31";

/** The count, or null when the rollups cannot answer this combination. */
export async function rolledUpPetitionCount(q: RolledUpQuery): Promise<number | null> {
  const months = q.fromMonth !== undefined || q.toMonth !== undefined;
  if (q.openDue) {
    // The deadline table knows nothing of months, statuses or fields.
    if (months || q.statuses || q.fieldId !== undefined) return null;
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT COALESCE(SUM("open"), 0)::int AS n FROM "RollupOpenDue"
      WHERE "unitId" = ${q.unitId} AND "dueOn" BETWEEN ${q.openDue.from ?? FAR_PAST}::date AND ${q.openDue.to ?? FAR_FUTURE}::date`;
    return row.n;
  }
  const from = q.fromMonth ?? FAR_PAST;
  const to = q.toMonth ?? FAR_FUTURE;
  const measure = q.measure ?? "received";
  if (q.statuses) {
    // Received by status has no field, nor another measure.
    if (q.fieldId !== undefined || measure !== "received") return null;
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT COALESCE(SUM("received"), 0)::int AS n FROM "RollupPetitionStatus"
      WHERE "unitId" = ${q.unitId} AND "status"::text = ANY(${[...q.statuses]}::text[]) AND "month" BETWEEN ${from}::date AND ${to}::date`;
    return row.n;
  }
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(SUM(${Prisma.raw(`"${measure}"`)}), 0)::int AS n FROM "RollupPetition"
    WHERE "unitId" = ${q.unitId} AND "fieldId" = ${q.fieldId ?? 0} AND "month" BETWEEN ${from}::date AND ${to}::date`;
  return row.n;
}

/**
 * Petitions per field in the whole country (the rows of every root unit), exact: what the
 * fields page shows beside each field, without counting the petition table.
 */
export async function rolledUpCountsByField(): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ fieldId: number; n: number }[]>`
    SELECT "fieldId", COALESCE(SUM("received"), 0)::int AS n FROM "RollupPetition"
    WHERE "unitId" IN (SELECT "id" FROM "Unit" WHERE "parentId" IS NULL) AND "fieldId" <> 0
    GROUP BY "fieldId"`;
  return new Map(rows.map((r) => [r.fieldId, r.n]));
}
