/**
 * Writes of the cadre registry. Each is one transaction with its audit row; the actor's scope
 * is checked here (a cadre or unit outside it is "not found"), and edits match on `version`.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { cadreWhereFor, unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { toSearchText } from "../text/search";
import { isoDay } from "../time";
import type { AddTrainingInput, CadreFieldsInput, DeleteTrainingInput, EndCadreInput, UpdateCadreInput } from "./schemas";

/** One lock for every check-then-insert of cadres (form and import), so two submissions cannot both pass. */
const CADRE_INSERT_LOCK = 6_006_001;

export async function lockCadreInserts(tx: Tx) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${CADRE_INSERT_LOCK})::text AS locked`;
}

function requireManage(actor: Actor) {
  // Checked here too, not only by the action: a missing permission looks like a missing cadre.
  if (!allows(actor, "cadre:manage:subtree")) throw new ActionError("NOT_FOUND");
}

/** A commune or village of the actor's subtree that exists today; otherwise "not found". */
async function findCadreUnit(tx: Tx, actor: Actor, unitId: number) {
  const unit = await tx.unit.findFirst({
    where: { AND: [{ id: unitId }, unitWhereFor(actor), { level: { in: ["COMMUNE", "VILLAGE"] } }, { validTo: null }] },
    select: { id: true },
  });
  if (!unit) throw new ActionError("NOT_FOUND");
  return unit;
}

async function findCadreInScope(tx: Tx, actor: Actor, id: number) {
  const cadre = await tx.cadre.findFirst({ where: { AND: [{ id }, cadreWhereFor(actor)] } });
  if (!cadre) throw new ActionError("NOT_FOUND");
  return cadre;
}

/** Without the right to personal data, phone and birth year are neither read nor written. */
function personalFields(actor: Actor, input: Pick<CadreFieldsInput, "phone" | "birthYear">) {
  if (!allows(actor, "cadre:personal-data:subtree")) return {};
  return { phone: input.phone, birthYear: input.birthYear };
}

export async function createCadre(actor: Actor, input: CadreFieldsInput) {
  requireManage(actor);
  return db.$transaction(async (tx) => {
    await findCadreUnit(tx, actor, input.unitId);
    const searchName = toSearchText(input.fullName);
    const personal = personalFields(actor, input);
    await lockCadreInserts(tx);
    // The same person twice (a double submission, or a re-entry): a current cadre with the same name, unit and birth year.
    const twin = await tx.cadre.count({ where: { searchName, unitId: input.unitId, birthYear: personal.birthYear ?? null, endedOn: null } });
    if (twin > 0) throw new ActionError("DUPLICATE");
    const cadre = await tx.cadre.create({
      data: {
        fullName: input.fullName,
        searchName,
        gender: input.gender,
        isPartyMember: input.isPartyMember,
        position: input.position ?? null,
        unitId: input.unitId,
        phone: personal.phone ?? null,
        birthYear: personal.birthYear ?? null,
      },
    });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "cadre.create",
      entity: "Cadre",
      entityId: cadre.id,
      unitId: cadre.unitId,
      data: { fullName: cadre.fullName, personalData: "phone" in personal },
    });
    return { id: cadre.id, fullName: cadre.fullName };
  });
}

export async function updateCadre(actor: Actor, input: UpdateCadreInput) {
  requireManage(actor);
  return db.$transaction(async (tx) => {
    const before = await findCadreInScope(tx, actor, input.id);
    if (input.unitId !== before.unitId) await findCadreUnit(tx, actor, input.unitId);
    const fields = {
      fullName: input.fullName,
      gender: input.gender,
      isPartyMember: input.isPartyMember,
      position: input.position ?? null,
      unitId: input.unitId,
      ...personalFields(actor, input),
    };
    const { count } = await tx.cadre.updateMany({
      where: { id: before.id, version: input.version },
      data: { ...fields, searchName: toSearchText(input.fullName), version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    const changed = Object.entries(fields)
      .filter(([key, value]) => value !== undefined && value !== (before[key as keyof typeof fields] ?? null))
      .map(([key]) => key);
    await audit(tx, {
      actorId: actor.userId || null,
      action: "cadre.update",
      entity: "Cadre",
      entityId: before.id,
      unitId: input.unitId,
      // Which fields changed, never their personal values.
      data: { changed, version: input.version + 1 },
    });
    return { id: before.id, version: input.version + 1, fullName: input.fullName };
  });
}

/** Ends the cadre's work on `endedOn`, and with it every membership still running after that day. */
export async function endCadre(actor: Actor, input: EndCadreInput) {
  requireManage(actor);
  return db.$transaction(async (tx) => {
    const cadre = await findCadreInScope(tx, actor, input.id);
    if (cadre.endedOn !== null) throw new ActionError("INVALID_STATE");
    const running = { cadreId: cadre.id, OR: [{ termEnd: null }, { termEnd: { gt: input.endedOn } }] };
    // A term that starts after the end day cannot end on it.
    const later = await tx.membership.count({ where: { ...running, termStart: { gt: input.endedOn } } });
    if (later > 0) throw new ActionError("INVALID_STATE");
    const { count } = await tx.cadre.updateMany({
      where: { id: cadre.id, version: input.version, endedOn: null },
      data: { endedOn: input.endedOn, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    const memberships = await tx.membership.findMany({ where: running, select: { id: true } });
    await tx.membership.updateMany({ where: { id: { in: memberships.map((m) => m.id) } }, data: { termEnd: input.endedOn } });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "cadre.end",
      entity: "Cadre",
      entityId: cadre.id,
      unitId: cadre.unitId,
      data: { endedOn: isoDay(input.endedOn), endedMembershipIds: memberships.map((m) => m.id) },
    });
    return { id: cadre.id, endedMemberships: memberships.length };
  });
}

export async function addTraining(actor: Actor, input: AddTrainingInput) {
  requireManage(actor);
  return db.$transaction(async (tx) => {
    const cadre = await findCadreInScope(tx, actor, input.cadreId);
    const record = await tx.trainingRecord.create({
      data: { cadreId: cadre.id, course: input.course, organiser: input.organiser, startOn: input.startOn, endOn: input.endOn, result: input.result ?? null },
    });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "cadre.training.add",
      entity: "Cadre",
      entityId: cadre.id,
      unitId: cadre.unitId,
      data: { trainingId: record.id, course: record.course, startOn: isoDay(record.startOn) },
    });
    return { id: record.id, cadreId: cadre.id, course: record.course };
  });
}

export async function deleteTraining(actor: Actor, input: DeleteTrainingInput) {
  requireManage(actor);
  return db.$transaction(async (tx) => {
    const record = await tx.trainingRecord.findUnique({ where: { id: input.id } });
    if (!record) throw new ActionError("NOT_FOUND");
    const cadre = await findCadreInScope(tx, actor, record.cadreId);
    await tx.trainingRecord.delete({ where: { id: record.id } });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "cadre.training.delete",
      entity: "Cadre",
      entityId: cadre.id,
      unitId: cadre.unitId,
      data: { trainingId: record.id, course: record.course, startOn: isoDay(record.startOn) },
    });
    return { id: record.id, cadreId: cadre.id };
  });
}
