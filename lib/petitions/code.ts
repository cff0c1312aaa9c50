import type { Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";

/**
 * Petition codes: "<district code>-<year>-<running number>", e.g. "246-2026-00042"; where
 * there is no district (the tree since July 2025), the province's code. The running number
 * comes from one counter row per code prefix (the area's official code and the year),
 * incremented in the petition's own statement, so two intakes never get the same number and a
 * failed one uses none. The counter is keyed by the code, not the unit: the 2025 reform
 * reuses official codes, and a new unit with an old code continues that code's numbering.
 * Allocation reads the counter row and nothing else (decision 027).
 */

/**
 * The official code that starts a petition's code, as SQL over a unit's `ancestorIds`: the
 * deepest district or province on the path (null when it has no code).
 */
export function areaCodeSql(ancestorIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT a.code FROM "Unit" a WHERE a.id = ANY(${ancestorIds}) AND a.level IN ('DISTRICT', 'PROVINCE')
                     ORDER BY a.depth DESC LIMIT 1)`;
}

/** "246-2026-": the part of a code before its running number. */
export function codePrefix(areaCode: string, year: number): string {
  return `${areaCode}-${year}-`;
}

/**
 * The allocating statement, to be used as a CTE (`WITH c AS (…)`): takes the next number of
 * (areaCode, year) and returns the whole code as `code`, its running number as `number`. Numbers keep at least five digits,
 * and all of theirs past 99,999. Parameters are cast: Prisma sends a JS number as numeric.
 */
export function allocationSql(areaCode: string, year: number): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "PetitionCodeCounter" AS counter ("areaCode", year, last) VALUES (${areaCode}, ${year}::int, 1)
    ON CONFLICT ("areaCode", year) DO UPDATE SET last = counter.last + 1
    RETURNING ${codePrefix(areaCode, year)}::text || lpad(counter.last::text, greatest(5, length(counter.last::text)), '0') AS code,
              lpad(counter.last::text, greatest(5, length(counter.last::text)), '0') AS number`;
}

/** Allocates one code on its own (the intake statement embeds `allocationSql` instead). */
export async function allocatePetitionCode(client: Pick<Tx, "$queryRaw">, areaCode: string, year: number): Promise<string> {
  const [{ code }] = await client.$queryRaw<{ code: string }[]>`WITH c AS (${allocationSql(areaCode, year)}) SELECT code FROM c`;
  return code;
}
