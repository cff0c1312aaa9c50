/**
 * Villages awaiting placement (decision 005): current villages whose commune is closed and
 * was split (has a PARTIAL successor link). Derived from the units and their links, never
 * stored: placing a village (moving it under one of the successors) takes it off the list.
 */
import { ActionError } from "../../actions/result";
import type { Actor } from "../../auth/actor";
import { allows } from "../../auth/roles";
import { unitWhereFor, type ScopedActor } from "../../auth/scope";
import { audit } from "../../audit/log";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { pathsChangeAfter } from "../../rollup/path-history";
import { moveVillageIn } from "../villages";
import type { PlaceVillageInput } from "./schemas";

/** The `where` of a village awaiting placement, inside the actor's scope. */
function awaitingWhere(actor: ScopedActor, communeId?: number): Prisma.UnitWhereInput {
  return {
    AND: [
      unitWhereFor(actor),
      {
        level: "VILLAGE",
        validTo: null,
        parent: { level: "COMMUNE", validTo: { not: null }, successorLinks: { some: { kind: "PARTIAL" } }, ...(communeId ? { id: communeId } : {}) },
      },
    ],
  };
}

/** How many villages in the actor's scope (or under one old commune) await placement. */
export async function countAwaitingPlacement(actor: ScopedActor, communeId?: number): Promise<number> {
  return db.unit.count({ where: awaitingWhere(actor, communeId) });
}

export const PLACEMENT_PAGE_SIZE = 20;

/**
 * One page of old communes with villages awaiting placement, each with its villages and the
 * successors they may go to (the commune's successors that are current and in scope).
 */
export async function villagesAwaitingPlacement(actor: ScopedActor, page = 1) {
  const communeWhere: Prisma.UnitWhereInput = { children: { some: awaitingWhere(actor) } };
  const [total, communes] = await Promise.all([
    db.unit.count({ where: communeWhere }),
    db.unit.findMany({
      where: communeWhere,
      orderBy: [{ code: "asc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * PLACEMENT_PAGE_SIZE,
      take: PLACEMENT_PAGE_SIZE,
      select: {
        id: true,
        typeLabel: true,
        name: true,
        code: true,
        validTo: true,
        children: { where: awaitingWhere(actor), orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, typeLabel: true, name: true, version: true } },
        successorLinks: {
          where: { successor: { AND: [{ validTo: null }, unitWhereFor(actor)] } },
          orderBy: [{ successor: { code: "asc" } }, { successorId: "asc" }],
          select: { kind: true, successor: { select: { id: true, typeLabel: true, name: true, code: true } } },
        },
      },
    }),
  ]);
  return { total, page, pageSize: PLACEMENT_PAGE_SIZE, communes };
}

/** Places a village awaiting placement under one of its old commune's current successors. */
export async function placeVillage(actor: Actor, input: PlaceVillageInput) {
  if (!allows(actor, "unit:manage:subtree")) throw new ActionError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const village = await tx.unit.findFirst({
      where: { AND: [{ id: input.villageId }, unitWhereFor(actor)] },
      select: { id: true, parentId: true, validTo: true, parent: { select: { level: true, validTo: true, successorLinks: { select: { kind: true, successorId: true } } } } },
    });
    if (!village?.parent) throw new ActionError("NOT_FOUND");
    const links = village.parent.successorLinks;
    const awaiting = village.validTo === null && village.parent.level === "COMMUNE" && village.parent.validTo !== null && links.some((l) => l.kind === "PARTIAL");
    if (!awaiting || !links.some((l) => l.successorId === input.targetCommuneId)) throw new ActionError("INVALID_STATE");
    // The village belonged to its successor from the split on, not from the day it was placed.
    await pathsChangeAfter(tx, village.parent.validTo!);
    const moved = await moveVillageIn(tx, actor, input);
    await audit(tx, {
      actorId: actor.userId || null,
      action: "unit.village.place",
      entity: "Unit",
      entityId: moved.id,
      unitId: moved.id,
      data: { from: moved.fromId, to: moved.parentId },
    });
    return moved;
  });
}
