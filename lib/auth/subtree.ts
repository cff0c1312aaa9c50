/**
 * A small subtree as its unit ids. A list of a district's records reads those units' own
 * entries of an index that leads with `unitId` (`unitId IN (…)`), so that it costs what the
 * district holds; joined to the unit tree instead, PostgreSQL walks the country's date index and
 * skips the other units' rows (decision 028).
 */
import { db } from "../db/client";
import { unitWhereFor, type ScopedActor } from "./scope";

/**
 * The ids of the units of the actor's subtree, narrowed to the subtree of `within` when given
 * (a unit outside the actor's reach leaves none), when there are at most `max`; null past it.
 */
export async function subtreeUnitIds(actor: ScopedActor, within: number | undefined, max: number): Promise<number[] | null> {
  const where = within ? { AND: [unitWhereFor(actor), { ancestorIds: { has: within } }] } : unitWhereFor(actor);
  const units = await db.unit.findMany({ where, select: { id: true }, take: max + 1 });
  return units.length > max ? null : units.map((u) => u.id);
}
