import type { Tx } from "../db/client";

/**
 * Petition codes: "<district code>-<year>-<running number>", e.g. "246-2026-00042"; where
 * there is no district (the tree since July 2025), the province's code. The running number
 * comes from one counter row per district and year, incremented in the petition's own
 * transaction, so two intakes never get the same number and a failed one uses none.
 *
 * The 2025 reform reuses official codes, so a new unit's counter starts after the highest
 * number any earlier unit with the same code gave out that year.
 */
export async function allocatePetitionCode(tx: Tx, unitAncestorIds: number[], receivedOn: Date): Promise<string> {
  const area = await tx.unit.findFirst({
    where: { id: { in: unitAncestorIds }, level: { in: ["DISTRICT", "PROVINCE"] } },
    orderBy: { depth: "desc" },
    select: { id: true, code: true },
  });
  if (!area?.code) throw new Error("allocatePetitionCode: the unit has no district or province with a code");
  const year = receivedOn.getUTCFullYear();
  const prefix = `${area.code}-${year}-`;
  const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "PetitionCodeCounter" ("unitId", year, last)
    VALUES (${area.id}, ${year}, COALESCE((
      SELECT max(substring(code FROM ${prefix.length + 1})::int) FROM "Petition" WHERE left(code, ${prefix.length}) = ${prefix}
    ), 0) + 1)
    ON CONFLICT ("unitId", year) DO UPDATE SET last = "PetitionCodeCounter".last + 1
    RETURNING last`;
  return `${prefix}${String(last).padStart(5, "0")}`;
}
