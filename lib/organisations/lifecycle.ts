/**
 * Found, dissolve and merge blocs (khối dân vận, one per commune) and teams (tổ dân vận, one per
 * village). Each is one transaction with its audit row; an organisation or unit outside the actor's
 * subtree, or a missing permission, is refused exactly like a missing record (NOT_FOUND). A broken
 * rule throws INVALID_STATE with the rule's name (`LifecycleRefusal`) as its message, so the screen
 * can say which. Dates follow ./carry.ts (decision 050).
 */
import "server-only";
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { organisationWhereFor, unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import type { OrganisationKind } from "../generated/prisma/enums";
import { addDaysUtc, isoDay } from "../time";
import { closeOrganisations, foundOrganisations } from "./carry";
import { organisationName } from "./labels";
import type { CreateOrganisationInput, DissolveOrganisationInput, MergeOrganisationInput } from "./schemas";

export const LIFECYCLE_REFUSALS = [
  /** A bloc belongs to a commune, a team to a village. */
  "wrongLevel",
  /** The unit has closed (merged, dissolved). */
  "unitClosed",
  /** The date lies before the unit's first day. */
  "beforeUnit",
  /** The date lies before the day the previous organisation of the unit stopped. */
  "beforePrevious",
  /** The date lies before the organisation was established. */
  "beforeEstablished",
  /** The organisation is dissolved already. */
  "alreadyDissolved",
  /** A member's term begins after the last day: end or correct it first. */
  "membersLater",
  /** An organisation merged into itself. */
  "sameOrganisation",
  /** A bloc and a team cannot merge. */
  "kindDiffers",
] as const;
export type LifecycleRefusal = (typeof LIFECYCLE_REFUSALS)[number];

const refuse = (reason: LifecycleRefusal): never => {
  throw new ActionError("INVALID_STATE", reason);
};

const LEVEL_OF: Record<OrganisationKind, "COMMUNE" | "VILLAGE"> = { BLOC: "COMMUNE", TEAM: "VILLAGE" };

function assertManager(actor: Actor) {
  // Checked here too, not only by the action: a missing permission looks like a missing record.
  if (!allows(actor, "organisation:manage:subtree")) throw new ActionError("NOT_FOUND");
}

async function organisationInScope(tx: Tx, actor: Actor, id: number) {
  const org = await tx.organisation.findFirst({
    where: { AND: [{ id }, organisationWhereFor(actor)] },
    include: { unit: { select: { id: true, level: true, typeLabel: true, name: true, validFrom: true, validTo: true } } },
  });
  if (!org) throw new ActionError("NOT_FOUND");
  return org;
}

async function lockOrganisations(tx: Tx, ids: number[]) {
  await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ANY(${[...ids].sort((a, b) => a - b)}::int[]) ORDER BY id FOR UPDATE`;
}

/** A member whose term begins on or after `effectiveOn` cannot be ended the day before it. */
async function assertNoLaterMembers(tx: Tx, organisationId: number, effectiveOn: Date) {
  const later = await tx.membership.count({ where: { organisationId, termStart: { gte: effectiveOn }, OR: [{ termEnd: null }, { termEnd: { gte: effectiveOn } }] } });
  if (later > 0) refuse("membersLater");
}

/**
 * Founds the bloc of a commune or the team of a village that has none standing: the unit current,
 * the day not before the unit's first day nor before the previous organisation stopped.
 */
export async function createOrganisation(actor: Actor, input: CreateOrganisationInput) {
  assertManager(actor);
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findFirst({ where: { AND: [{ id: input.unitId }, unitWhereFor(actor)] } });
    if (!unit) throw new ActionError("NOT_FOUND");
    if (unit.level !== LEVEL_OF[input.kind]) refuse("wrongLevel");
    if (unit.validTo !== null) refuse("unitClosed");
    if (unit.validFrom && input.establishedOn < unit.validFrom) refuse("beforeUnit");
    // Two founders of one unit's organisation wait for each other here; the unique index is the last guard.
    await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${unit.id} FOR UPDATE`;
    const standing = await tx.organisation.count({ where: { unitId: unit.id, kind: input.kind, dissolvedOn: null } });
    if (standing > 0) throw new ActionError("DUPLICATE");
    const previous = await tx.organisation.findFirst({ where: { unitId: unit.id, kind: input.kind }, orderBy: { dissolvedOn: "desc" }, select: { dissolvedOn: true } });
    if (previous?.dissolvedOn && input.establishedOn < previous.dissolvedOn) refuse("beforePrevious");
    const name = organisationName(input.kind, unit);
    const created = await foundOrganisations(tx, input.kind, [{ unitId: unit.id, name }], input.establishedOn);
    const id = created.get(unit.id);
    if (id === undefined) throw new ActionError("DUPLICATE");
    await audit(tx, {
      actorId: actor.userId || null,
      action: "organisation.create",
      entity: "Organisation",
      entityId: id,
      unitId: unit.id,
      data: { kind: input.kind, name, establishedOn: isoDay(input.establishedOn) },
    });
    return { id, unitId: unit.id, name };
  });
}

/** Dissolves a standing organisation after its last day; the current members' terms end that day. */
export async function dissolveOrganisation(actor: Actor, input: DissolveOrganisationInput) {
  assertManager(actor);
  return db.$transaction(async (tx) => {
    const org = await organisationInScope(tx, actor, input.organisationId);
    await lockOrganisations(tx, [org.id]);
    const locked = await tx.organisation.findUniqueOrThrow({ where: { id: org.id } });
    if (locked.dissolvedOn !== null) refuse("alreadyDissolved");
    if (locked.version !== input.version) throw new ActionError("CONFLICT");
    if (locked.establishedOn && input.lastDay < locked.establishedOn) refuse("beforeEstablished");
    const effectiveOn = addDaysUtc(input.lastDay, 1);
    await assertNoLaterMembers(tx, org.id, effectiveOn);
    const result = await closeOrganisations(tx, [{ from: org.id, to: null }], effectiveOn);
    await audit(tx, {
      actorId: actor.userId || null,
      action: "organisation.dissolve",
      entity: "Organisation",
      entityId: org.id,
      unitId: org.unitId,
      data: { lastDay: isoDay(input.lastDay), dissolvedOn: isoDay(effectiveOn), membershipsEnded: result.membershipsEnded },
    });
    return { id: org.id, unitId: org.unitId, membershipsEnded: result.membershipsEnded };
  });
}

/**
 * Merges a standing organisation into another of the same kind from `effectiveOn`: its current
 * members join the other (./carry.ts), it is dissolved on that day and keeps its meetings and history.
 */
export async function mergeOrganisation(actor: Actor, input: MergeOrganisationInput) {
  assertManager(actor);
  return db.$transaction(async (tx) => {
    const source = await organisationInScope(tx, actor, input.organisationId);
    const target = await organisationInScope(tx, actor, input.targetId);
    if (source.id === target.id) refuse("sameOrganisation");
    await lockOrganisations(tx, [source.id, target.id]);
    const [from, into] = await Promise.all([
      tx.organisation.findUniqueOrThrow({ where: { id: source.id } }),
      tx.organisation.findUniqueOrThrow({ where: { id: target.id } }),
    ]);
    if (from.kind !== into.kind) refuse("kindDiffers");
    if (from.dissolvedOn !== null || into.dissolvedOn !== null) refuse("alreadyDissolved");
    if (from.version !== input.version) throw new ActionError("CONFLICT");
    if (target.unit.validTo !== null) refuse("unitClosed");
    // Both stood for at least a day before the merger: the first keeps a last day, the other has begun.
    if ((from.establishedOn && input.effectiveOn <= from.establishedOn) || (into.establishedOn && input.effectiveOn < into.establishedOn)) refuse("beforeEstablished");
    await assertNoLaterMembers(tx, from.id, input.effectiveOn);
    const result = await closeOrganisations(tx, [{ from: from.id, to: into.id }], input.effectiveOn);
    await audit(tx, {
      actorId: actor.userId || null,
      action: "organisation.merge",
      entity: "Organisation",
      entityId: from.id,
      unitId: from.unitId,
      data: { intoId: into.id, intoUnitId: into.unitId, effectiveOn: isoDay(input.effectiveOn), membershipsEnded: result.membershipsEnded, membershipsCarried: result.membershipsCarried },
    });
    return { id: from.id, unitId: from.unitId, targetId: into.id, targetUnitId: into.unitId, membershipsCarried: result.membershipsCarried };
  });
}

/**
 * What the organisation page offers to merge into: standing organisations of the same kind, in the
 * actor's reach, on current units next to this one (the teams of the same commune's villages, the
 * blocs of the communes under the same parent), by name. The action takes any in reach.
 */
export async function mergeTargetsFor(actor: Actor, org: { id: number; kind: OrganisationKind; unitId: number }, limit = 200) {
  const unit = await db.unit.findFirst({ where: { AND: [{ id: org.unitId }, unitWhereFor(actor)] }, select: { parentId: true } });
  if (!unit || unit.parentId === null) return [];
  const rows = await db.organisation.findMany({
    where: {
      AND: [
        organisationWhereFor(actor),
        { kind: org.kind, dissolvedOn: null, id: { not: org.id } },
        { unit: { parentId: unit.parentId, validTo: null, level: LEVEL_OF[org.kind] } },
      ],
    },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "vi") || a.id - b.id);
}

/**
 * The blocs or teams a unit has had, for its page: the standing one (if any) first, then the dissolved,
 * latest first. The unit was returned by a scoped read; the filter holds anyway.
 */
export async function organisationsOfUnit(actor: Actor, unitId: number) {
  return db.organisation.findMany({
    where: { AND: [{ unitId }, organisationWhereFor(actor)] },
    select: { id: true, kind: true, name: true, establishedOn: true, dissolvedOn: true },
    orderBy: [{ dissolvedOn: { sort: "desc", nulls: "first" } }, { id: "desc" }],
  });
}

/** Where a dissolved organisation's members went, and whose came to this one: names and ids in reach. */
export async function mergeLinksOf(actor: Actor, org: { id: number; mergedIntoId: number | null }) {
  const [into, from] = await Promise.all([
    org.mergedIntoId === null
      ? Promise.resolve(null)
      : db.organisation.findFirst({ where: { AND: [{ id: org.mergedIntoId }, organisationWhereFor(actor)] }, select: { id: true, name: true } }),
    db.organisation.findMany({ where: { AND: [{ mergedIntoId: org.id }, organisationWhereFor(actor)] }, select: { id: true, name: true }, orderBy: { id: "asc" }, take: 50 }),
  ]);
  return { into, from };
}
