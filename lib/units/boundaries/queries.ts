import "server-only";
import type { Tx } from "../../db/client";
import type { MultiPolygon } from "./simplify";

/**
 * The stored shapes of the given units, for the choropleth map. Callers pass units they
 * have already read through the actor's scope (a boundary says nothing a unit's name does not).
 */
export async function boundariesOf(db: Pick<Tx, "unitBoundary">, unitIds: number[]): Promise<Map<number, MultiPolygon>> {
  if (!unitIds.length) return new Map();
  const rows = await db.unitBoundary.findMany({ where: { unitId: { in: unitIds } }, select: { unitId: true, coordinates: true } });
  return new Map(rows.map((r) => [r.unitId, r.coordinates as unknown as MultiPolygon]));
}
