/**
 * Village-level units (thôn, tổ dân phố…): create, rename, close. Each mutation is one
 * transaction with its audit row, and refuses a unit outside the actor's subtree exactly
 * like a missing one.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { can } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { toSearchText } from "../text/search";
import { unitFullName } from "./labels";
import { normaliseUnitName, type CloseVillageInput, type CreateVillageInput, type RenameVillageInput } from "./schemas";
import { insertUnit, unitSearchName } from "./tree";

export function teamName(village: { typeLabel: string; name: string }): string {
  return `Tổ dân vận ${unitFullName(village)}`;
}

async function findInScope(tx: Tx, actor: Actor, id: number) {
  // Checked here too, not only by the action: a missing permission looks like a missing unit.
  if (!can(actor.role, "village:manage:subtree")) throw new ActionError("NOT_FOUND");
  const unit = await tx.unit.findFirst({ where: { AND: [{ id }, unitWhereFor(actor)] } });
  if (!unit) throw new ActionError("NOT_FOUND");
  return unit;
}

/** Serialises concurrent edits of one commune's villages (the duplicate check then holds). */
async function lockUnit(tx: Tx, id: number) {
  await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${id} FOR UPDATE`;
}

async function assertNoDuplicate(tx: Tx, parentId: number, name: string, exceptId?: number) {
  const siblings = await tx.unit.findMany({
    where: { parentId, validTo: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  const key = toSearchText(name);
  if (siblings.some((s) => toSearchText(s.name) === key)) throw new ActionError("DUPLICATE");
}

export async function createVillage(actor: Actor, input: CreateVillageInput) {
  const name = normaliseUnitName(input.name);
  return db.$transaction(async (tx) => {
    const commune = await findInScope(tx, actor, input.communeId);
    if (commune.level !== "COMMUNE" || commune.validTo !== null) throw new ActionError("INVALID_STATE");
    await lockUnit(tx, commune.id);
    await assertNoDuplicate(tx, commune.id, name);
    const village = await insertUnit(tx, { parentId: commune.id, level: "VILLAGE", typeLabel: input.typeLabel, name });
    const team = input.withTeam
      ? await tx.organisation.create({ data: { kind: "TEAM", unitId: village.id, name: teamName(village) } })
      : null;
    await audit(tx, {
      actorId: actor.userId || null,
      action: "unit.village.create",
      entity: "Unit",
      entityId: village.id,
      unitId: village.id,
      data: { parentId: commune.id, typeLabel: village.typeLabel, name: village.name, teamId: team?.id ?? null },
    });
    return { id: village.id, parentId: commune.id, fullName: unitFullName(village), teamId: team?.id ?? null };
  });
}

export async function renameVillage(actor: Actor, input: RenameVillageInput) {
  const name = normaliseUnitName(input.name);
  return db.$transaction(async (tx) => {
    const village = await findInScope(tx, actor, input.villageId);
    if (village.level !== "VILLAGE" || village.parentId === null) throw new ActionError("NOT_FOUND");
    if (village.validTo !== null) throw new ActionError("INVALID_STATE");
    await lockUnit(tx, village.parentId);
    await assertNoDuplicate(tx, village.parentId, name, village.id);
    const next = { typeLabel: input.typeLabel, name };
    const { count } = await tx.unit.updateMany({
      where: { id: village.id, version: input.version },
      data: { ...next, searchName: unitSearchName(next), version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    // A team still named after the village follows the new name.
    await tx.organisation.updateMany({
      where: { unitId: village.id, kind: "TEAM", name: teamName(village) },
      data: { name: teamName(next), version: { increment: 1 } },
    });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "unit.village.rename",
      entity: "Unit",
      entityId: village.id,
      unitId: village.id,
      data: { from: { typeLabel: village.typeLabel, name: village.name }, to: next },
    });
    return { id: village.id, parentId: village.parentId, version: input.version + 1 };
  });
}

export async function closeVillage(actor: Actor, input: CloseVillageInput) {
  return db.$transaction(async (tx) => {
    const village = await findInScope(tx, actor, input.villageId);
    if (village.level !== "VILLAGE" || village.parentId === null) throw new ActionError("NOT_FOUND");
    if (village.validTo !== null) throw new ActionError("INVALID_STATE");
    if (village.validFrom && input.closedOn < village.validFrom) throw new ActionError("INVALID_STATE");
    const { count } = await tx.unit.updateMany({
      where: { id: village.id, version: input.version, validTo: null },
      data: { validTo: input.closedOn, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    const teams = await tx.organisation.updateMany({
      where: { unitId: village.id, kind: "TEAM", dissolvedOn: null },
      data: { dissolvedOn: input.closedOn, version: { increment: 1 } },
    });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "unit.village.close",
      entity: "Unit",
      entityId: village.id,
      unitId: village.id,
      data: { closedOn: input.closedOn.toISOString().slice(0, 10), teamsDissolved: teams.count },
    });
    return { id: village.id, parentId: village.parentId };
  });
}
