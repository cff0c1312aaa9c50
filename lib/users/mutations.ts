/**
 * Account administration and the user's own password. Each mutation is one transaction
 * with its audit row (never a password, nor its hash). An account or unit outside the
 * actor's subtree is refused exactly like a missing one, and every change that should end
 * the account's open sessions bumps `sessionVersion` (lib/auth/actor.ts re-checks it on
 * every request).
 */
import { ActionError } from "../actions/result";
import type { Actor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { allows } from "../auth/roles";
import type { Duty } from "../generated/prisma/enums";
import { agencyWhereFor, unitWhereFor, userWhereFor } from "../auth/scope";
import { audit } from "../audit/log";
import { db, type Tx } from "../db/client";
import { todayInVietnam } from "../time";
import { resolveAgencyChoice } from "../choices/agencies";
import type { AgencyPick, ChangePasswordInput, CreateUserInput, ResetPasswordInput, SetActiveInput, UpdateUserInput } from "./schemas";
import { generateTemporaryPassword } from "./temporary-password";
import { isUniqueViolation } from "../db/errors";

function requireManager(actor: Actor) {
  // Checked here too, not only by the action: a missing permission looks like a missing account.
  if (!allows(actor, "user:manage:subtree")) throw new ActionError("NOT_FOUND");
}

async function findUserInScope(tx: Tx, actor: Actor, id: number) {
  requireManager(actor);
  const user = await tx.user.findFirst({ where: { AND: [{ id }, userWhereFor(actor)] } });
  if (!user) throw new ActionError("NOT_FOUND");
  return user;
}

/** A current unit inside the actor's subtree, or NOT_FOUND. */
async function findHomeUnitInScope(tx: Tx, actor: Actor, unitId: number, today: Date) {
  const unit = await tx.unit.findFirst({
    where: { AND: [{ id: unitId }, unitWhereFor(actor), { OR: [{ validTo: null }, { validTo: { gte: today } }] }] },
    select: { id: true },
  });
  if (!unit) throw new ActionError("NOT_FOUND");
  return unit;
}

/**
 * The agency an agency's account is bound to (decision 064), by id: a name typed without JavaScript must find
 * exactly one agency in reach (read before the transaction), else NOT_FOUND; undefined when the account is no agency's.
 */
async function pickedAgency(actor: Actor, pick: AgencyPick | undefined): Promise<number | undefined> {
  if (pick === undefined || "id" in pick) return pick?.id;
  const found = await resolveAgencyChoice(actor, undefined, pick.text);
  if (found.others.length > 0 || !found.selected) throw new ActionError("NOT_FOUND");
  return found.selected.id;
}

/** An active agency in the actor's reach, or NOT_FOUND; null when there is none to bind. */
async function agencyInScope(tx: Tx, actor: Actor, agencyId: number | undefined): Promise<number | null> {
  if (agencyId === undefined) return null;
  const agency = await tx.agency.findFirst({ where: { AND: [{ id: agencyId, active: true }, agencyWhereFor(actor)] }, select: { id: true } });
  if (!agency) throw new ActionError("NOT_FOUND");
  return agency.id;
}

function sameDuties(a: readonly Duty[] | null, b: readonly Duty[]): boolean {
  const x = new Set(a ?? []);
  return x.size === new Set(b).size && b.every((d) => x.has(d));
}

/** A new account with a temporary password, shown once to the admin; the user must change it at first sign-in. */
export async function createUser(actor: Actor, input: CreateUserInput, today = todayInVietnam()) {
  requireManager(actor);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const picked = await pickedAgency(actor, input.agency);
  try {
    return await db.$transaction(async (tx) => {
      await findHomeUnitInScope(tx, actor, input.unitId, today);
      const agencyId = await agencyInScope(tx, actor, picked);
      if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw new ActionError("DUPLICATE");
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          duties: input.duties,
          agencyId,
          unitId: input.unitId,
          passwordHash,
          mustChangePassword: true,
        },
      });
      await audit(tx, {
        actorId: actor.userId || null,
        action: "user.create",
        entity: "User",
        entityId: user.id,
        unitId: user.unitId,
        data: { username: user.username, displayName: user.displayName, duties: user.duties, unitId: user.unitId, ...(user.agencyId ? { agencyId: user.agencyId } : {}) },
      });
      return { id: user.id, username: user.username, displayName: user.displayName, temporaryPassword };
    });
  } catch (error) {
    // Two submissions racing past the check: the unique index answers for the second.
    if (isUniqueViolation(error)) throw new ActionError("DUPLICATE");
    throw error;
  }
}

/**
 * Display name, duties and home unit. A form drawn before the row last changed is refused
 * (CONFLICT). New duties or a new unit end the account's sessions: what it may see has changed.
 */
export async function updateUser(actor: Actor, input: UpdateUserInput, today = todayInVietnam()) {
  requireManager(actor);
  const picked = await pickedAgency(actor, input.agency);
  return db.$transaction(async (tx) => {
    const user = await findUserInScope(tx, actor, input.userId);
    // The same agency kept needs no check (it may have been deactivated since); a new one must be in reach.
    const agencyId = picked !== undefined && picked === user.agencyId ? user.agencyId : await agencyInScope(tx, actor, picked);
    const roleChanged = !sameDuties(user.duties, input.duties) || user.agencyId !== agencyId;
    const unitChanged = user.unitId !== input.unitId;
    // An admin cannot demote themselves nor move out of their own seat.
    if (user.id === actor.userId && (roleChanged || unitChanged)) throw new ActionError("INVALID_STATE");
    if (unitChanged) await findHomeUnitInScope(tx, actor, input.unitId, today);
    const endSessions = roleChanged || unitChanged;
    const { count } = await tx.user.updateMany({
      where: { id: user.id, updatedAt: input.updatedAt },
      data: {
        displayName: input.displayName,
        duties: input.duties,
        agencyId,
        unitId: input.unitId,
        ...(endSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    const changes: Record<string, { from: string | number | string[]; to: string | number | string[] }> = {};
    if (user.displayName !== input.displayName) changes.displayName = { from: user.displayName, to: input.displayName };
    if (!sameDuties(user.duties, input.duties)) changes.duties = { from: user.duties, to: input.duties };
    if (user.agencyId !== agencyId) changes.agencyId = { from: user.agencyId ?? "", to: agencyId ?? "" };
    if (unitChanged) changes.unitId = { from: user.unitId, to: input.unitId };
    await audit(tx, {
      actorId: actor.userId || null,
      action: "user.update",
      entity: "User",
      entityId: user.id,
      unitId: input.unitId,
      data: { changes, sessionsEnded: endSessions },
    });
    return { id: user.id, sessionsEnded: endSessions };
  });
}

/** A new temporary password, shown once; the account's sessions end and the user must change it at sign-in. */
export async function resetPassword(actor: Actor, input: ResetPasswordInput) {
  requireManager(actor);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    const user = await findUserInScope(tx, actor, input.userId);
    // Their own password an admin changes on their profile, knowing the current one.
    if (user.id === actor.userId) throw new ActionError("INVALID_STATE");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await audit(tx, { actorId: actor.userId || null, action: "user.password.reset", entity: "User", entityId: user.id, unitId: user.unitId });
    return { id: user.id, username: user.username, temporaryPassword };
  });
}

/** Disables (its sessions end at once) or enables an account. */
export async function setUserActive(actor: Actor, input: SetActiveInput) {
  return db.$transaction(async (tx) => {
    const user = await findUserInScope(tx, actor, input.userId);
    if (user.id === actor.userId) throw new ActionError("INVALID_STATE");
    if (user.active === input.active) throw new ActionError("INVALID_STATE");
    const { count } = await tx.user.updateMany({
      where: { id: user.id, active: user.active },
      data: { active: input.active, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    await audit(tx, {
      actorId: actor.userId || null,
      action: input.active ? "user.enable" : "user.disable",
      entity: "User",
      entityId: user.id,
      unitId: user.unitId,
    });
    return { id: user.id, active: input.active };
  });
}

export type PasswordRefusal = "WRONG_CURRENT" | "SAME_AS_USERNAME" | "SAME_AS_CURRENT";
export type ChangePasswordResult = { changed: true; sessionVersion: number } | { changed: false; reason: PasswordRefusal };

/**
 * The user's own new password. The current one must be given; the new one may not be the
 * username nor the current password. On success the flag "must change" clears and
 * `sessionVersion` moves on, ending the user's other sessions; the caller re-issues this
 * device's session with the returned version. A refusal is audited too.
 */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, username: true, passwordHash: true, unitId: true } });
  if (!user) throw new ActionError("NOT_FOUND");
  let reason: PasswordRefusal | null = null;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) reason = "WRONG_CURRENT";
  else if (input.newPassword.trim().toLowerCase() === user.username) reason = "SAME_AS_USERNAME";
  else if (input.newPassword === input.currentPassword) reason = "SAME_AS_CURRENT";
  if (reason) {
    await audit(db, { actorId: user.id, action: "user.password.change-refused", entity: "User", entityId: user.id, unitId: user.unitId, data: { reason } });
    return { changed: false, reason };
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // The hash read above must still be the current one: two changes racing, the second loses.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("CONFLICT");
    const { sessionVersion } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    await audit(tx, { actorId: user.id, action: "user.password.change", entity: "User", entityId: user.id, unitId: user.unitId });
    return { changed: true, sessionVersion };
  });
}
