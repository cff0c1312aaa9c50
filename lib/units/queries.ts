import type { ScopedActor } from "../auth/scope";
import { reaches, unitWhereFor } from "../auth/scope";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { parseIsoDay } from "../forms/fields";
import { todayInVietnam } from "../time";

/** "yyyy-mm-dd" → the UTC midnight Prisma uses for @db.Date, or null when it is not a real date in the shared range. */
export function parseAsOf(value: string | string[] | undefined | null): Date | null {
  return parseIsoDay(value);
}

/**
 * A unit with its path, children, successors and predecessors, or null when it does not exist or lies
 * outside the actor's subtree. With `asOf`, only the children valid on that day are listed
 * (validFrom null or ≤ asOf, validTo null or ≥ asOf); without it, every child.
 */
/**
 * The organisations standing on `day`, as the coverage figures count them (lib/organisations/coverage.ts):
 * established by then (or undated) and not dissolved by then. Without a day, those not dissolved.
 */
function standingOn(day: Date | undefined): Prisma.OrganisationWhereInput {
  if (!day) return { dissolvedOn: null };
  return { AND: [{ OR: [{ establishedOn: null }, { establishedOn: { lte: day } }] }, { OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: day } }] }] };
}

export async function getUnitInScope(actor: ScopedActor, id: number, options: { asOf?: Date } = {}) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const { asOf } = options;
  const unit = await db.unit.findFirst({
    where: { AND: [{ id }, unitWhereFor(actor)] },
    include: {
      children: {
        where: asOf
          ? { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: asOf } }] }, { OR: [{ validTo: null }, { validTo: { gte: asOf } }] }] }
          : undefined,
        orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { code: "asc" }, { name: "asc" }],
        include: {
          organisations: { where: standingOn(asOf), select: { kind: true } },
        },
      },
      organisations: { where: standingOn(asOf), select: { id: true, kind: true, name: true } },
      successorLinks: {
        orderBy: [{ effectiveOn: "asc" }, { successorId: "asc" }],
        select: {
          kind: true,
          effectiveOn: true,
          successor: { select: { id: true, code: true, level: true, typeLabel: true, name: true, ancestorIds: true } },
        },
      },
      predecessorLinks: {
        orderBy: [{ effectiveOn: "asc" }, { predecessorId: "asc" }],
        select: {
          kind: true,
          effectiveOn: true,
          predecessor: { select: { id: true, code: true, level: true, typeLabel: true, name: true, ancestorIds: true } },
        },
      },
    },
  });
  if (!unit) return null;
  // The children's own child counts, for these children only (Prisma's `_count` of a relation
  // groups the whole table first: every unit of the country).
  const grandchildren = unit.children.length
    ? await db.unit.groupBy({ by: ["parentId"], where: { parentId: { in: unit.children.map((c) => c.id) } }, _count: { _all: true } })
    : [];
  const countOf = new Map(grandchildren.map((g) => [g.parentId, g._count._all]));
  const children = unit.children.map((c) => ({ ...c, _count: { children: countOf.get(c.id) ?? 0 } }));
  const inScope = (u: { ancestorIds: number[] }) => unitWhereIsIn(actor, u.ancestorIds);
  const ancestors = await db.unit.findMany({
    where: { id: { in: unit.ancestorIds.filter((a) => a !== unit.id) } },
    select: { id: true, typeLabel: true, name: true, level: true, ancestorIds: true },
  });
  const path = unit.ancestorIds
    .filter((a) => a !== unit.id)
    .map((a) => ancestors.find((u) => u.id === a)!)
    .filter(Boolean)
    .map((u) => ({ ...u, inScope: inScope(u) }));
  const { successorLinks, predecessorLinks, ...rest } = unit;
  const successors = successorLinks.map(({ successor: { ancestorIds, ...s }, ...link }) => ({
    ...link,
    unit: { ...s, inScope: inScope({ ancestorIds }) },
  }));
  const predecessors = predecessorLinks.map(({ predecessor: { ancestorIds, ...p }, ...link }) => ({
    ...link,
    unit: { ...p, inScope: inScope({ ancestorIds }) },
  }));
  return { ...rest, children, path, successors, predecessors };
}

/** Whether a unit with this path lies in the actor's reach (the same rule as unitWhereFor). */
function unitWhereIsIn(actor: ScopedActor, ancestorIds: number[]): boolean {
  const where = unitWhereFor(actor);
  return "ancestorIds" in where ? reaches(actor, ancestorIds) : false;
}

/**
 * Current communes the actor may move a village to: every commune of the village's province in the
 * actor's reach that stands today (begun, not closed), but its own. Not only its commune's siblings: after
 * a merger the new communes hang under the province while others may still hang under a district, and a
 * village moves between them (issue 15 §4). At most `limit`, by code.
 */
export async function moveTargetsFor(actor: ScopedActor, villageId: number, today = todayInVietnam(), limit = 500) {
  const village = await db.unit.findFirst({ where: { AND: [{ id: villageId }, unitWhereFor(actor)] }, select: { parentId: true, ancestorIds: true } });
  if (!village || village.parentId === null) return [];
  const province = await db.unit.findFirst({ where: { id: { in: village.ancestorIds }, level: "PROVINCE" }, select: { id: true } });
  const area = province?.id ?? (await db.unit.findUnique({ where: { id: village.parentId }, select: { parentId: true } }))?.parentId;
  if (area === undefined || area === null) return [];
  return db.unit.findMany({
    where: {
      AND: [
        { ancestorIds: { has: area }, level: "COMMUNE", validTo: null, id: { not: village.parentId } },
        { OR: [{ validFrom: null }, { validFrom: { lte: today } }] },
        unitWhereFor(actor),
      ],
    },
    orderBy: [{ code: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, typeLabel: true, name: true, code: true },
    take: limit,
  });
}
