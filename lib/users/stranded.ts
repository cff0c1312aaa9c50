/**
 * Accounts homed on a closed unit (decision 055). A merger closes units; the people homed on them
 * keep an account whose reach is a subtree that no longer holds today's work. They are derived,
 * never stored: an active account whose home unit has an end date. For each, the homes the
 * administrator may choose, standing today and in the administrator's reach:
 * - the unit's successors (one FULL link: that successor is proposed);
 * - for a unit closed without successors of its own (a district the 2025 reform abolished): the
 *   successors of the communes it held, and the nearest standing unit above it (its province).
 * Moving one is an audited change of `User.unitId`, checked against the home the page showed.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor, userWhereFor, type ScopedActor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { Duty, UnitLevel } from "../generated/prisma/enums";
import { isoDay, todayInVietnam } from "../time";
import { unitFullName } from "../units/labels";
import type { RehomeUserInput } from "./schemas";

export interface HomeChoice {
  id: number;
  label: string;
  level: UnitLevel;
}

export const STRANDED_PAGE_SIZE = 20;
export const STRANDED_SORTS = ["user", "closed", "unit"] as const;
export type StrandedSort = (typeof STRANDED_SORTS)[number];

type Reader = Pick<Tx, "unit" | "unitSuccession">;
const standing = (today: Date): Prisma.UnitWhereInput => ({ OR: [{ validTo: null }, { validTo: { gte: today } }] });
const label = (u: { typeLabel: string; name: string; code: string | null }) => (u.code ? `${unitFullName(u)} (${u.code})` : unitFullName(u));

/**
 * The homes offered for each closed unit, and the one proposed (when the unit went whole into one
 * successor). `actor` null: every standing unit, for the stranded user's own page (names only).
 */
async function homeChoicesFor(tx: Reader, actor: ScopedActor | null, units: { id: number; level: UnitLevel; parentId: number | null }[], today: Date) {
  const ids = units.map((u) => u.id);
  const links = ids.length
    ? await tx.unitSuccession.findMany({ where: { predecessorId: { in: ids } }, select: { predecessorId: true, successorId: true, kind: true } })
    : [];
  const linked = new Set(links.map((l) => l.predecessorId));
  const unlinked = units.filter((u) => !linked.has(u.id));
  // What a unit closed without successors held: its communes' (or districts') successors.
  const below = unlinked.length
    ? await tx.unitSuccession.findMany({
        where: { predecessor: { parentId: { in: unlinked.map((u) => u.id) } } },
        select: { successorId: true, predecessor: { select: { parentId: true } } },
      })
    : [];
  // And the nearest standing unit above: the parent, or the parent's successors when it closed too.
  const parentIds = [...new Set(unlinked.flatMap((u) => (u.parentId ? [u.parentId] : [])))];
  const parents = parentIds.length ? await tx.unit.findMany({ where: { id: { in: parentIds } }, select: { id: true, validTo: true } }) : [];
  const closedParents = parents.filter((p) => p.validTo !== null && p.validTo < today).map((p) => p.id);
  const parentLinks = closedParents.length
    ? await tx.unitSuccession.findMany({ where: { predecessorId: { in: closedParents } }, select: { predecessorId: true, successorId: true } })
    : [];

  const candidates = new Map<number, Set<number>>(ids.map((id) => [id, new Set<number>()]));
  for (const l of links) candidates.get(l.predecessorId)!.add(l.successorId);
  for (const b of below) if (b.predecessor.parentId) candidates.get(b.predecessor.parentId)?.add(b.successorId);
  for (const u of unlinked) {
    if (!u.parentId) continue;
    if (closedParents.includes(u.parentId)) for (const l of parentLinks.filter((x) => x.predecessorId === u.parentId)) candidates.get(u.id)!.add(l.successorId);
    else candidates.get(u.id)!.add(u.parentId);
  }
  const allIds = [...new Set([...candidates.values()].flatMap((s) => [...s]))];
  const offered = allIds.length
    ? await tx.unit.findMany({
        where: { AND: [{ id: { in: allIds } }, standing(today), ...(actor ? [unitWhereFor(actor)] : [])] },
        orderBy: [{ depth: "desc" }, { code: "asc" }, { id: "asc" }],
        select: { id: true, typeLabel: true, name: true, code: true, level: true },
      })
    : [];
  const out = new Map<number, { choices: HomeChoice[]; proposed: HomeChoice | null }>();
  for (const id of ids) {
    const set = candidates.get(id)!;
    const choices = offered.filter((u) => set.has(u.id)).map((u) => ({ id: u.id, label: label(u), level: u.level }));
    const own = links.filter((l) => l.predecessorId === id);
    const whole = own.length === 1 && own[0].kind === "FULL" ? choices.find((c) => c.id === own[0].successorId) ?? null : null;
    out.set(id, { choices, proposed: whole });
  }
  return out;
}

const strandedWhere = (actor: ScopedActor): Prisma.UserWhereInput => ({ AND: [userWhereFor(actor), { active: true, unit: { validTo: { not: null } } }] });

/** How many active accounts in reach are homed on a closed (or closing) unit. */
export function countStrandedAccounts(actor: ScopedActor): Promise<number> {
  return db.user.count({ where: strandedWhere(actor) });
}

/** One page of accounts homed on a closed unit, each with the homes offered and the one proposed. */
export async function strandedAccounts(actor: ScopedActor, options: { page?: number; sort?: StrandedSort } = {}, today = todayInVietnam()) {
  const page = Math.max(1, options.page ?? 1);
  const where = strandedWhere(actor);
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    options.sort === "closed"
      ? [{ unit: { validTo: "desc" } }, { username: "asc" }]
      : options.sort === "unit"
        ? [{ unit: { name: "asc" } }, { unitId: "asc" }, { username: "asc" }]
        : [{ username: "asc" }];
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy,
      skip: (page - 1) * STRANDED_PAGE_SIZE,
      take: STRANDED_PAGE_SIZE,
      select: {
        id: true,
        username: true,
        displayName: true,
        duties: true,
        unit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, parentId: true, validTo: true } },
      },
    }),
  ]);
  const homes = [...new Map(users.map((u) => [u.unit.id, u.unit])).values()];
  const offers = await homeChoicesFor(db, actor, homes, today);
  return {
    total,
    page,
    pageSize: STRANDED_PAGE_SIZE,
    rows: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      duties: u.duties as Duty[],
      home: { id: u.unit.id, label: label(u.unit), level: u.unit.level, validTo: u.unit.validTo },
      ...offers.get(u.unit.id)!,
    })),
  };
}

/** Moves an account off its closed home to one of the homes offered; audited. */
export async function rehomeUser(actor: Actor, input: RehomeUserInput, today = todayInVietnam()) {
  if (!allows(actor, "user:manage:subtree")) throw new ActionError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { AND: [{ id: input.userId }, userWhereFor(actor)] },
      select: { id: true, unitId: true, unit: { select: { id: true, level: true, parentId: true, validTo: true } } },
    });
    if (!user) throw new ActionError("NOT_FOUND");
    if (user.unitId !== input.fromUnitId) throw new ActionError("CONFLICT");
    if (user.unit.validTo === null) throw new ActionError("INVALID_STATE");
    const offer = (await homeChoicesFor(tx, actor, [user.unit], today)).get(user.unit.id)!;
    if (!offer.choices.some((c) => c.id === input.unitId)) throw new ActionError("INVALID_STATE");
    const moved = await tx.user.updateMany({ where: { id: user.id, unitId: input.fromUnitId }, data: { unitId: input.unitId } });
    if (moved.count === 0) throw new ActionError("CONFLICT");
    await audit(tx, {
      actorId: actor.userId || null,
      action: "user.home.move",
      entity: "User",
      entityId: user.id,
      unitId: input.unitId,
      data: { from: input.fromUnitId, to: input.unitId, proposed: offer.proposed?.id ?? null },
    });
    return { id: user.id, unitId: input.unitId, fromUnitId: input.fromUnitId };
  });
}

/**
 * For the stranded user's own page: their closed home, its last day and the units that took over
 * (names only, whatever their reach); null while the home stands.
 */
export async function homeClosure(actor: Pick<Actor, "unit">, today = todayInVietnam()) {
  const unit = await db.unit.findUnique({ where: { id: actor.unit.id }, select: { id: true, level: true, typeLabel: true, name: true, code: true, parentId: true, validTo: true } });
  if (!unit?.validTo || isoDay(unit.validTo) >= isoDay(today)) return null;
  const offer = (await homeChoicesFor(db, null, [unit], today)).get(unit.id)!;
  return { unit: { id: unit.id, label: label(unit) }, lastDay: isoDay(unit.validTo), successors: offer.choices };
}

/** The account just moved, for the list's confirmation: in reach, with its home now; null otherwise. */
export async function movedAccount(actor: ScopedActor, userId: number) {
  const user = await db.user.findFirst({
    where: { AND: [{ id: userId }, userWhereFor(actor)] },
    select: { username: true, unit: { select: { typeLabel: true, name: true, code: true } } },
  });
  return user ? { username: user.username, unit: label(user.unit) } : null;
}
