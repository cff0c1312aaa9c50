import type { ScopedActor } from "../auth/scope";
import { unitWhereFor } from "../auth/scope";
import { db } from "../db/client";

/** A unit with its path and children, or null when it does not exist or lies outside the actor's subtree. */
export async function getUnitInScope(actor: ScopedActor, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const unit = await db.unit.findFirst({
    where: { AND: [{ id }, unitWhereFor(actor)] },
    include: {
      children: {
        orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { code: "asc" }, { name: "asc" }],
        include: {
          _count: { select: { children: true } },
          organisations: { where: { dissolvedOn: null }, select: { kind: true } },
        },
      },
      organisations: { where: { dissolvedOn: null }, select: { kind: true, name: true } },
    },
  });
  if (!unit) return null;
  const ancestors = await db.unit.findMany({
    where: { id: { in: unit.ancestorIds.filter((a) => a !== unit.id) } },
    select: { id: true, typeLabel: true, name: true, level: true, ancestorIds: true },
  });
  const path = unit.ancestorIds
    .filter((a) => a !== unit.id)
    .map((a) => ancestors.find((u) => u.id === a)!)
    .filter(Boolean)
    .map((u) => ({ ...u, inScope: u.ancestorIds.includes(actor.unit.id) }));
  return { ...unit, path };
}
