/**
 * Village-level units (thôn, tổ dân phố…): create, rename, close. Each mutation is one
 * transaction with its audit row, and refuses a unit outside the actor's subtree exactly
 * like a missing one.
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { unitWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { pathsChangeOn } from "../rollup/path-history";
import { toSearchText } from "../text/search";
import { addDaysUtc, todayInVietnam } from "../time";
import { closeOrganisations } from "../organisations/carry";
import { unitFullName } from "./labels";
import { normaliseUnitName, type CloseVillageInput, type CreateVillageInput, type MoveVillageInput, type RenameVillageInput } from "./schemas";
import { insertUnit, unitSearchName } from "./tree";

export function teamName(village: { typeLabel: string; name: string }): string {
  return `Tổ dân vận ${unitFullName(village)}`;
}

async function findInScope(tx: Tx, actor: Actor, id: number) {
  // Checked here too, not only by the action: a missing permission looks like a missing unit.
  if (!allows(actor, "village:manage:subtree")) throw new ActionError("NOT_FOUND");
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
    // Its team ends with it: standing through the village's last day, its members' terms ending that day (decision 050).
    const standing = await tx.organisation.findMany({ where: { unitId: village.id, kind: "TEAM", dissolvedOn: null }, select: { id: true } });
    const teams = { count: (await closeOrganisations(tx, standing.map((t) => ({ from: t.id, to: null })), addDaysUtc(input.closedOn, 1))).dissolved };
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

/**
 * Moves a current village under another commune standing today inside the actor's scope, wherever that
 * commune hangs (after a merger, under the province beside communes still under a district). The village and
 * everything below it get the new path in one UPDATE, dated today (its old path kept as history); records keep
 * pointing at the village, so they follow it.
 */
export async function moveVillage(actor: Actor, input: MoveVillageInput) {
  return db.$transaction(async (tx) => {
    const moved = await moveVillageIn(tx, actor, input, { standingToday: true });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "unit.village.move",
      entity: "Unit",
      entityId: moved.id,
      unitId: moved.id,
      data: { from: moved.fromId, to: moved.parentId },
    });
    return moved;
  });
}

/** The move itself, inside the caller's transaction (which writes the audit row): also used to place a village after a split. */
export async function moveVillageIn(tx: Tx, actor: Actor, input: MoveVillageInput, options: { standingToday?: boolean } = {}) {
  const village = await findInScope(tx, actor, input.villageId);
  if (village.level !== "VILLAGE" || village.parentId === null) throw new ActionError("NOT_FOUND");
  const target = await findInScope(tx, actor, input.targetCommuneId);
  if (village.validTo !== null) throw new ActionError("INVALID_STATE");
  if (target.level !== "COMMUNE" || target.validTo !== null || target.id === village.parentId) throw new ActionError("INVALID_STATE");
  // An ordinary move goes to a commune standing today: a merger's commune that begins later is not one yet.
  const today = todayInVietnam();
  if (options.standingToday && target.validFrom !== null && target.validFrom > today) throw new ActionError("INVALID_STATE");
  // Lock both communes in id order, so two moves in opposite directions cannot deadlock.
  for (const communeId of [village.parentId, target.id].sort((a, b) => a - b)) await lockUnit(tx, communeId);
  await assertNoDuplicate(tx, target.id, village.name);
  const { count } = await tx.unit.updateMany({
    where: { id: village.id, version: input.version, validTo: null, parentId: village.parentId },
    data: { parentId: target.id, version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError("CONFLICT");
  // The old path is kept as history, held until yesterday (the dashboards' "as the units were").
  await pathsChangeOn(tx, today);
  // newPath = target path || the part of the old path from the village down (Postgres arrays are 1-based).
  const from = village.depth + 1;
  await tx.$executeRaw`
    UPDATE "Unit"
       SET "ancestorIds" = ${target.ancestorIds}::int[] || "ancestorIds"[${from}:array_length("ancestorIds", 1)],
           "depth" = ${target.ancestorIds.length}::int + array_length("ancestorIds", 1) - ${from}::int
     WHERE "ancestorIds" @> ARRAY[${village.id}]::int[]`;
  return { id: village.id, fromId: village.parentId, parentId: target.id, version: input.version + 1 };
}
