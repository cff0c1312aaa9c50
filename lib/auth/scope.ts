/**
 * The only way to read scoped tables: one `where` builder per entity, limiting rows to
 * the actor's reach in the unit tree: their home unit's subtree, and the subtrees of the units
 * that closed into it (decision 057). Every list, detail, count, export and dashboard query goes
 * through these. A record outside the reach is simply not found.
 */
import { Prisma } from "../generated/prisma/client";
import type { Actor } from "./actor";
import { hasKnownDuty, isAgencyDuties } from "./roles";

export type ScopedActor = Pick<Actor, "duties" | "unit">;

const NO_ID = { in: [] as number[] };

/** An actor without a known duty reaches nothing (decision 049). */
function knownRole(actor: ScopedActor): boolean {
  return hasKnownDuty(actor.duties);
}

/** The units whose subtrees the actor reaches: the home unit first, then those that closed into it (decision 057). */
export function reachRoots(actor: ScopedActor): number[] {
  return [actor.unit.id, ...(actor.unit.standsFor ?? [])];
}

/** Where the actor's reach begins on a unit's path (its `ancestorIds`, itself last): the index of the first root on it, -1 when outside. */
export function reachStart(actor: ScopedActor, ancestorIds: readonly number[]): number {
  const roots = reachRoots(actor);
  return ancestorIds.findIndex((id) => roots.includes(id));
}

/** Whether a unit, by its `ancestorIds`, lies in the actor's reach (the role aside). */
export function reaches(actor: ScopedActor, ancestorIds: readonly number[]): boolean {
  return reachStart(actor, ancestorIds) >= 0;
}

/** Units inside the actor's reach (the home unit included). GIN-indexed: `@>` for one root, `&&` for several. */
export function unitWhereFor(actor: ScopedActor): Prisma.UnitWhereInput {
  if (!knownRole(actor)) return { id: NO_ID };
  const roots = reachRoots(actor);
  return roots.length === 1 ? { ancestorIds: { has: roots[0] } } : { ancestorIds: { hasSome: roots } };
}

export function petitionWhereFor(actor: ScopedActor): Prisma.PetitionWhereInput {
  return { unit: unitWhereFor(actor) };
}

/**
 * The petitions an agency's account reaches (decision 064): those its agency holds or held (`AgencyHold`, by its
 * primary key's agency). Anyone else's account reaches none this way; staff read through `petitionWhereFor`.
 */
export function heldPetitionWhereFor(actor: Pick<Actor, "duties" | "agencyId">): Prisma.PetitionWhereInput {
  if (!isAgencyDuties(actor.duties) || !actor.agencyId) return { id: NO_ID };
  return { agencyHolds: { some: { agencyId: actor.agencyId } } };
}

export function meetingWhereFor(actor: ScopedActor): Prisma.MeetingWhereInput {
  return { unit: unitWhereFor(actor) };
}

export function organisationWhereFor(actor: ScopedActor): Prisma.OrganisationWhereInput {
  return { unit: unitWhereFor(actor) };
}

export function cadreWhereFor(actor: ScopedActor): Prisma.CadreWhereInput {
  return { unit: unitWhereFor(actor) };
}

/** Good-practice models of a unit in the reach (decision 076). */
export function goodPracticeWhereFor(actor: ScopedActor): Prisma.GoodPracticeModelWhereInput {
  return { unit: unitWhereFor(actor) };
}

export function userWhereFor(actor: ScopedActor): Prisma.UserWhereInput {
  return { unit: unitWhereFor(actor) };
}

/** Agencies kept by a unit in the subtree, or by one above it (a province's agencies serve its districts). */
export function agencyWhereFor(actor: ScopedActor): Prisma.AgencyWhereInput {
  if (!knownRole(actor)) return { id: NO_ID };
  return { OR: [{ unit: unitWhereFor(actor) }, { unitId: { in: actor.unit.ancestorIds } }] };
}

/**
 * `unitWhereFor` as SQL, on a unit's `ancestorIds` column: for the few hot paths that check
 * reach inside one SQL read (intake, lib/petitions/intake.ts).
 */
export function unitScopeSql(actor: ScopedActor, ancestorIds: Prisma.Sql): Prisma.Sql {
  if (!knownRole(actor)) return Prisma.sql`FALSE`;
  const roots = reachRoots(actor);
  return roots.length === 1 ? Prisma.sql`${ancestorIds} @> ARRAY[${roots[0]}::int]` : Prisma.sql`${ancestorIds} && ${roots}::int[]`;
}

/**
 * `agencyWhereFor` as SQL (alias `a` for "Agency"), for the agency choice's accent-insensitive search
 * (lib/choices/agencies.ts), which Prisma cannot write: the same two reaches.
 */
export function agencyScopeSql(actor: ScopedActor): Prisma.Sql {
  if (!knownRole(actor)) return Prisma.sql`FALSE`;
  return Prisma.sql`(EXISTS (SELECT 1 FROM "Unit" u WHERE u."id" = a."unitId" AND ${unitScopeSql(actor, Prisma.sql`u."ancestorIds"`)}) OR a."unitId" = ANY(${actor.unit.ancestorIds}::int[]))`;
}

/**
 * Audit rows (alias `a`) by users whose home unit is in the actor's subtree, as SQL: the audit
 * page's query is SQL for its JSON containment filter (lib/audit/queries.ts). Rows without a
 * user (sign-in attempts for unknown names, the demo seed) concern the whole country: national
 * actors only.
 */
export function auditScopeSql(actor: ScopedActor): Prisma.Sql {
  if (!knownRole(actor)) return Prisma.sql`FALSE`;
  if (actor.unit.level === "NATION") return Prisma.sql`TRUE`;
  return Prisma.sql`a."actorId" IN (SELECT u.id FROM "User" u JOIN "Unit" n ON n.id = u."unitId" WHERE ${unitScopeSql(actor, Prisma.sql`n."ancestorIds"`)})`;
}
