/**
 * Cơ quan chủ trì giải quyết: the list each district (or province) keeps of the agencies it
 * assigns petitions to. A unit's agencies serve its own petitions and those of the units below
 * it (see agencyWhereFor). An agency is never deleted: a deactivated one is no longer offered
 * when assigning, and the petitions assigned to it keep it.
 *
 * The table has no `updatedAt`/`version` column: the last save wins (decision 011).
 */
import { ActionError } from "../../actions/result";
import type { Actor } from "../../auth/actor";
import { allows } from "../../auth/roles";
import { agencyWhereFor, unitWhereFor } from "../../auth/scope";
import { audit } from "../../audit/log";
import { db, type Tx } from "../../db/client";
import { toSearchText } from "../../text/search";
import { unitFullName } from "../../units/labels";
import type { CreateAgencyInput, RenameAgencyInput, SetActiveInput, SetAgencyEmailInput } from "./schemas";
import { isUniqueViolation } from "../../db/errors";

/** An admin, or a user placed at a province (or above), may keep the list of any unit in their subtree. */
export function mayChooseUnit(actor: Pick<Actor, "duties" | "unit">): boolean {
  return allows(actor, "admin:access") || actor.unit.level === "NATION" || actor.unit.level === "PROVINCE";
}

const unitSelect = { id: true, typeLabel: true, name: true, level: true, ancestorIds: true } as const;

/** The units whose list the actor may keep: their own, and for admins/provinces today's provinces and districts below. */
export async function agencyUnitChoices(actor: Actor) {
  if (!mayChooseUnit(actor)) return [{ id: actor.unit.id, label: unitFullName(actor.unit) }];
  const units = await db.unit.findMany({
    where: { AND: [unitWhereFor(actor), { OR: [{ id: actor.unit.id }, { validTo: null, level: { in: ["PROVINCE", "DISTRICT"] } }] }] },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
    select: { id: true, typeLabel: true, name: true },
    take: 2000,
  });
  return units.map((u) => ({ id: u.id, label: unitFullName(u) }));
}

/**
 * The agencies page for a unit of the actor's subtree (their own unit by default): the unit's
 * own agencies, and the ones of the units above it that also serve it. Null when out of scope.
 */
export async function getAgencyPage(actor: Actor, unitId: number = actor.unit.id) {
  if (!Number.isSafeInteger(unitId) || unitId <= 0) return null;
  const unit = await db.unit.findFirst({ where: { AND: [{ id: unitId }, unitWhereFor(actor)] }, select: unitSelect });
  if (!unit) return null;
  const [own, above] = await Promise.all([
    db.agency.findMany({
      where: { unitId: unit.id },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, name: true, active: true, email: true },
      take: 500,
    }),
    db.agency.findMany({
      where: { AND: [{ unitId: { in: unit.ancestorIds.filter((id) => id !== unit.id) } }, agencyWhereFor(actor)] },
      orderBy: [{ unit: { depth: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, active: true, unit: { select: { typeLabel: true, name: true } } },
      take: 500,
    }),
  ]);
  // Counted for these agencies only (Prisma's `_count` of a relation groups the whole table first).
  const counts = own.length
    ? await db.petition.groupBy({ by: ["agencyId"], where: { agencyId: { in: own.map((a) => a.id) } }, _count: { _all: true } })
    : [];
  const countOf = new Map(counts.map((c) => [c.agencyId, c._count._all]));
  return {
    unit: { id: unit.id, label: unitFullName(unit) },
    own: own.map((a) => ({ id: a.id, name: a.name, active: a.active, email: a.email, petitionCount: countOf.get(a.id) ?? 0 })),
    above: above.map((a) => ({ id: a.id, name: a.name, active: a.active, unit: unitFullName(a.unit) })),
    canManage: allows(actor, "agency:manage:subtree") && (mayChooseUnit(actor) || unit.id === actor.unit.id),
  };
}

function requireManager(actor: Actor) {
  if (!allows(actor, "agency:manage:subtree")) throw new ActionError("NOT_FOUND");
}

/** Locks the unit's row: its agencies change one writer at a time, so the duplicate check holds. */
async function lockUnit(tx: Tx, unitId: number) {
  await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${unitId} FOR UPDATE`;
}

async function assertUniqueName(tx: Tx, unitId: number, name: string, exceptId?: number) {
  const key = toSearchText(name);
  const siblings = await tx.agency.findMany({ where: { unitId }, select: { id: true, name: true } });
  if (siblings.some((a) => a.id !== exceptId && toSearchText(a.name) === key)) throw new ActionError("DUPLICATE");
}

async function findAgencyInScope(tx: Tx, actor: Actor, id: number) {
  requireManager(actor);
  // Only the agencies of the actor's subtree: the ones above it are read-only here.
  const agency = await tx.agency.findFirst({ where: { AND: [{ id }, { unit: unitWhereFor(actor) }] } });
  if (!agency) throw new ActionError("NOT_FOUND");
  if (!mayChooseUnit(actor) && agency.unitId !== actor.unit.id) throw new ActionError("NOT_FOUND");
  return agency;
}

export async function createAgency(actor: Actor, input: CreateAgencyInput) {
  requireManager(actor);
  if (!mayChooseUnit(actor) && input.unitId !== actor.unit.id) throw new ActionError("NOT_FOUND");
  try {
    return await db.$transaction(async (tx) => {
      const unit = await tx.unit.findFirst({ where: { AND: [{ id: input.unitId }, unitWhereFor(actor)] }, select: { id: true } });
      if (!unit) throw new ActionError("NOT_FOUND");
      await lockUnit(tx, unit.id);
      await assertUniqueName(tx, unit.id, input.name);
      const agency = await tx.agency.create({ data: { name: input.name, unitId: unit.id } });
      await audit(tx, { actorId: actor.userId || null, action: "agency.create", entity: "Agency", entityId: agency.id, unitId: unit.id, data: { name: agency.name } });
      return { id: agency.id, name: agency.name, unitId: unit.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("DUPLICATE");
    throw error;
  }
}

/** A new name; the petitions assigned to the agency show the new name. */
export async function renameAgency(actor: Actor, input: RenameAgencyInput) {
  try {
    return await db.$transaction(async (tx) => {
      const agency = await findAgencyInScope(tx, actor, input.id);
      await lockUnit(tx, agency.unitId);
      await assertUniqueName(tx, agency.unitId, input.name, agency.id);
      await tx.agency.update({ where: { id: agency.id }, data: { name: input.name } });
      await audit(tx, { actorId: actor.userId || null, action: "agency.rename", entity: "Agency", entityId: agency.id, unitId: agency.unitId, data: { before: agency.name, after: input.name } });
      return { id: agency.id, name: input.name, unitId: agency.unitId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("DUPLICATE");
    throw error;
  }
}

export async function setAgencyActive(actor: Actor, input: SetActiveInput) {
  return db.$transaction(async (tx) => {
    const agency = await findAgencyInScope(tx, actor, input.id);
    if (agency.active === input.active) throw new ActionError("INVALID_STATE");
    await tx.agency.update({ where: { id: agency.id }, data: { active: input.active } });
    await audit(tx, {
      actorId: actor.userId || null,
      action: input.active ? "agency.reactivate" : "agency.deactivate",
      entity: "Agency",
      entityId: agency.id,
      unitId: agency.unitId,
      data: { name: agency.name },
    });
    return { id: agency.id, name: agency.name, active: input.active, unitId: agency.unitId };
  });
}

/**
 * The agency's e-mail address (decision 075): where the link to answer a petition is sent when staff issue it.
 * Null removes it. The address is an office's, not a person's: the audit row keeps both the old and the new.
 */
export async function setAgencyEmail(actor: Actor, input: SetAgencyEmailInput) {
  return db.$transaction(async (tx) => {
    const agency = await findAgencyInScope(tx, actor, input.id);
    if (agency.email === input.email) return { id: agency.id, email: agency.email, unitId: agency.unitId };
    await tx.agency.update({ where: { id: agency.id }, data: { email: input.email } });
    await audit(tx, { actorId: actor.userId || null, action: "agency.email", entity: "Agency", entityId: agency.id, unitId: agency.unitId, data: { before: agency.email, after: input.email } });
    return { id: agency.id, email: input.email, unitId: agency.unitId };
  });
}
