/**
 * Lĩnh vực kiến nghị (Quản trị → Lĩnh vực): the national list a national admin keeps
 * (`reference:manage:national`, decision 020), each with its
 * deadlines in working days from receipt: to assign a petition, and to resolve it (decision 051). A field in use is never deleted, only deactivated: new
 * petitions no longer offer it, the petitions that have it keep it.
 *
 * The table has no `updatedAt`/`version` column, so two admins editing the same field at
 * once: the last save wins (decision 011).
 */
import { ActionError } from "../../actions/result";
import type { Actor } from "../../auth/actor";
import { allows } from "../../auth/roles";
import { audit } from "../../audit/log";
import { db, type Tx } from "../../db/client";
import { rolledUpCountsByField } from "../../rollup/counts";
import { DEFAULT_ASSIGNMENT_DAYS } from "../deadline";
import { toSearchText } from "../../text/search";
import type { CreateFieldInput, SetActiveInput, UpdateFieldInput } from "./schemas";

function requireAdmin(actor: Actor) {
  if (!allows(actor, "reference:manage:national")) throw new ActionError("NOT_FOUND");
}

/**
 * Every field with how many petitions use it, in the order forms show them. The counts come
 * from the dashboards' rollups (exact, kept in every write's transaction): counting the petition
 * table by field read all of it (decision 028).
 */
export async function listPetitionFields() {
  const [fields, used] = await Promise.all([db.petitionField.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }), rolledUpCountsByField()]);
  return fields.map((f) => ({ ...f, petitionCount: used.get(f.id) ?? 0 }));
}

/** Serialises writes to the list, so the accent-insensitive duplicate check holds. */
async function lockFields(tx: Tx) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${20_110_001}::bigint)`;
}

async function assertUniqueName(tx: Tx, name: string, exceptId?: number) {
  const key = toSearchText(name);
  const all = await tx.petitionField.findMany({ select: { id: true, name: true } });
  if (all.some((f) => f.id !== exceptId && toSearchText(f.name) === key)) throw new ActionError("DUPLICATE");
}

/** A stable code from the name: "Đất đai" → "dat-dai" (then "dat-dai-2"… if taken). */
export function fieldCode(name: string, taken: ReadonlySet<string>): string {
  const base = toSearchText(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "linh-vuc";
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function createPetitionField(actor: Actor, input: CreateFieldInput) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    await lockFields(tx);
    await assertUniqueName(tx, input.name);
    const codes = new Set((await tx.petitionField.findMany({ select: { code: true } })).map((f) => f.code));
    const assignmentDeadlineDays = Math.min(input.assignmentDeadlineDays ?? DEFAULT_ASSIGNMENT_DAYS, input.defaultDeadlineDays);
    const field = await tx.petitionField.create({ data: { ...input, assignmentDeadlineDays, code: fieldCode(input.name, codes) } });
    await audit(tx, { actorId: actor.userId || null, action: "petition-field.create", entity: "PetitionField", entityId: field.id, data: { ...input, assignmentDeadlineDays, code: field.code } });
    return { id: field.id, name: field.name };
  });
}

/** New name, deadlines or order. Deadlines already set on petitions do not change. */
export async function updatePetitionField(actor: Actor, input: UpdateFieldInput) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    await lockFields(tx);
    const before = await tx.petitionField.findUnique({ where: { id: input.id } });
    if (!before) throw new ActionError("NOT_FOUND");
    await assertUniqueName(tx, input.name, input.id);
    const { id, ...given } = input;
    // The deadline to assign never ends after the deadline to resolve: both run from receipt.
    const data = { ...given, assignmentDeadlineDays: Math.min(given.assignmentDeadlineDays ?? before.assignmentDeadlineDays, given.defaultDeadlineDays) };
    await tx.petitionField.update({ where: { id }, data });
    await audit(tx, {
      actorId: actor.userId || null,
      action: "petition-field.update",
      entity: "PetitionField",
      entityId: id,
      data: { before: { name: before.name, defaultDeadlineDays: before.defaultDeadlineDays, assignmentDeadlineDays: before.assignmentDeadlineDays, sortOrder: before.sortOrder }, after: data },
    });
    return { id, name: input.name };
  });
}

export async function setPetitionFieldActive(actor: Actor, input: SetActiveInput) {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.petitionField.findUnique({ where: { id: input.id } });
    if (!before) throw new ActionError("NOT_FOUND");
    if (before.active === input.active) throw new ActionError("INVALID_STATE");
    await tx.petitionField.update({ where: { id: input.id }, data: { active: input.active } });
    await audit(tx, {
      actorId: actor.userId || null,
      action: input.active ? "petition-field.reactivate" : "petition-field.deactivate",
      entity: "PetitionField",
      entityId: input.id,
      data: { name: before.name },
    });
    return { id: input.id, name: before.name, active: input.active };
  });
}
