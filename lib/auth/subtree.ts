/**
 * A small subtree as its unit ids. A list of a district's records reads those units' own
 * entries of an index that leads with `unitId` (`unitId IN (…)`), so that it costs what the
 * district holds; joined to the unit tree instead, PostgreSQL walks the country's date index and
 * skips the other units' rows (decision 028).
 */
import { db } from "../db/client";
import { hasKnownDuty } from "./roles";
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

/**
 * Whether the actor's subtree is the whole tree: its unit is the database's one root (a national
 * admin's, in production). Its counts need no test of the tree then: joined to it, the nation's home
 * page counted every unit, organisation and meeting of the country through the unit tree (0.2–0.5 s
 * each under load). A second root (a test's, an import's) keeps every count scoped.
 */
export async function isWholeTree(actor: ScopedActor): Promise<boolean> {
  if (actor.unit.level !== "NATION" || !hasKnownDuty(actor.duties)) return false;
  const roots = await db.unit.findMany({ where: { parentId: null }, select: { id: true }, take: 2 });
  return roots.length === 1 && roots[0].id === actor.unit.id;
}
