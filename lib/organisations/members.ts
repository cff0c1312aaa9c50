/**
 * Members of a bloc or team: read the page, add a member, end a membership. Each mutation is
 * one transaction with its audit row, and an organisation or cadre outside the actor's subtree
 * is refused exactly like a missing one.
 */
import { isoDay } from "../time";
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { cadreWhereFor, organisationWhereFor } from "../auth/scope";
import { audit, auditPersonalDataRead } from "../audit/log";
import { db, type Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { todayInVietnam } from "../time";
import { compareMembers } from "./labels";
import type { AddMemberInput, EndMembershipInput } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A membership counts as current when it has no end, or ends today or later. */
export function currentMembershipWhere(today: Date): Prisma.MembershipWhereInput {
  return { OR: [{ termEnd: null }, { termEnd: { gte: today } }] };
}

/** The units whose cadres may join: the organisation's unit and its subtree, and for a team the parent commune. */
function eligibleUnitsWhere(org: { kind: string; unitId: number; unit: { parentId: number | null } }): Prisma.UnitWhereInput {
  const subtree: Prisma.UnitWhereInput = { ancestorIds: { has: org.unitId } };
  if (org.kind === "TEAM" && org.unit.parentId !== null) return { OR: [subtree, { id: org.unit.parentId }] };
  return subtree;
}

/** The organisation page: the organisation, its current and past members, and candidates to add. */
export async function getOrganisationPage(actor: Actor, id: number, today = todayInVietnam()) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const org = await db.organisation.findFirst({
    where: { AND: [{ id }, organisationWhereFor(actor)] },
    include: { unit: { select: { id: true, typeLabel: true, name: true, parentId: true } } },
  });
  if (!org) return null;
  const memberships = await db.membership.findMany({
    where: { organisationId: org.id },
    include: { cadre: { select: { id: true, fullName: true, position: true, phone: true, birthYear: true } } },
    orderBy: [{ termStart: "desc" }, { id: "desc" }],
  });
  const rows = memberships.map((m) => ({
    id: m.id,
    cadreId: m.cadre.id,
    fullName: m.cadre.fullName,
    position: m.cadre.position,
    phone: m.cadre.phone,
    birthYear: m.cadre.birthYear,
    role: m.role,
    representing: m.representing,
    termStart: m.termStart,
    termEnd: m.termEnd,
  }));
  const current = rows.filter((m) => m.termEnd === null || m.termEnd >= today).sort(compareMembers);
  const past = rows.filter((m) => m.termEnd !== null && m.termEnd < today);
  const currentCadreIds = current.map((m) => m.cadreId);
  const candidates = allows(actor, "organisation:manage:subtree")
    ? await db.cadre.findMany({
        where: { AND: [cadreWhereFor(actor), { unit: eligibleUnitsWhere(org) }, { endedOn: null }, { id: { notIn: currentCadreIds } }] },
        select: { id: true, fullName: true, position: true },
        orderBy: [{ searchName: "asc" }, { id: "asc" }],
        take: 500,
      })
    : [];
  candidates.sort((a, b) => a.fullName.localeCompare(b.fullName, "vi") || a.id - b.id);
  return { org, current, past, candidates };
}

/** Writes the audit row of a page view that showed personal data (phone, birth year). */
export async function auditMemberPersonalDataRead(actor: Actor, organisation: { id: number; unitId: number }, cadreIds: number[]) {
  await auditPersonalDataRead(db, actor, { entity: "Cadre", ids: cadreIds, unitId: organisation.unitId, via: "detail", extra: { organisationId: organisation.id } });
}

async function findOrganisationInScope(tx: Tx, actor: Actor, id: number) {
  // Checked here too, not only by the action: a missing permission looks like a missing organisation.
  if (!allows(actor, "organisation:manage:subtree")) throw new ActionError("NOT_FOUND");
  const org = await tx.organisation.findFirst({
    where: { AND: [{ id }, organisationWhereFor(actor)] },
    include: { unit: { select: { parentId: true } } },
  });
  if (!org) throw new ActionError("NOT_FOUND");
  return org;
}

/** Serialises concurrent membership changes of one organisation (the duplicate and head checks then hold). */
async function lockOrganisation(tx: Tx, id: number) {
  await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${id} FOR UPDATE`;
}


/**
 * Adds a cadre to the organisation. A new head ends the current head's membership the day
 * before the new term starts, so there is only ever one current head.
 */
export async function addMember(actor: Actor, input: AddMemberInput, today = todayInVietnam()) {
  return db.$transaction(async (tx) => {
    const org = await findOrganisationInScope(tx, actor, input.organisationId);
    if (org.dissolvedOn !== null) throw new ActionError("INVALID_STATE");
    const cadre = await tx.cadre.findFirst({ where: { AND: [{ id: input.cadreId }, cadreWhereFor(actor)] } });
    if (!cadre) throw new ActionError("NOT_FOUND");
    if (cadre.endedOn !== null) throw new ActionError("INVALID_STATE");
    const eligible = await tx.unit.count({ where: { AND: [{ id: cadre.unitId }, eligibleUnitsWhere(org)] } });
    if (eligible === 0) throw new ActionError("INVALID_STATE");
    await lockOrganisation(tx, org.id);
    const current = currentMembershipWhere(today);
    const duplicate = await tx.membership.count({ where: { AND: [{ organisationId: org.id, cadreId: cadre.id }, current] } });
    if (duplicate > 0) throw new ActionError("DUPLICATE");
    const endedHeads: number[] = [];
    if (input.role === "HEAD") {
      const heads = await tx.membership.findMany({ where: { AND: [{ organisationId: org.id, role: "HEAD" }, current] } });
      const dayBefore = new Date(input.termStart.getTime() - DAY_MS);
      for (const head of heads) {
        // The old term must not end before it began.
        if (head.termStart > dayBefore) throw new ActionError("INVALID_STATE");
        await tx.membership.update({ where: { id: head.id }, data: { termEnd: dayBefore } });
        endedHeads.push(head.id);
      }
    }
    const membership = await tx.membership.create({
      data: { organisationId: org.id, cadreId: cadre.id, role: input.role, representing: input.representing, termStart: input.termStart },
    });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "organisation.member.add",
      entity: "Organisation",
      entityId: org.id,
      unitId: org.unitId,
      data: {
        membershipId: membership.id,
        cadreId: cadre.id,
        role: input.role,
        representing: input.representing,
        termStart: isoDay(input.termStart),
        endedHeadMembershipIds: endedHeads,
      },
    });
    return { id: membership.id, organisationId: org.id, fullName: cadre.fullName, endedHeads: endedHeads.length };
  });
}

/** Ends a current membership on the given day (not before its start). */
export async function endMembership(actor: Actor, input: EndMembershipInput, today = todayInVietnam()) {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { id: input.membershipId } });
    if (!membership) throw new ActionError("NOT_FOUND");
    const org = await findOrganisationInScope(tx, actor, membership.organisationId);
    if (input.termEnd < membership.termStart) throw new ActionError("INVALID_STATE");
    await lockOrganisation(tx, org.id);
    const { count } = await tx.membership.updateMany({
      where: { AND: [{ id: membership.id }, currentMembershipWhere(today)] },
      data: { termEnd: input.termEnd },
    });
    if (count === 0) throw new ActionError("INVALID_STATE");
    await audit(tx, {
      actorId: actor.userId || null,
      action: "organisation.member.end",
      entity: "Organisation",
      entityId: org.id,
      unitId: org.unitId,
      data: { membershipId: membership.id, cadreId: membership.cadreId, termEnd: isoDay(input.termEnd) },
    });
    return { id: membership.id, organisationId: org.id };
  });
}
