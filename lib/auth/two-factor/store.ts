import { ActionError } from "../../actions/result";
import type { Duty } from "../../generated/prisma/enums";
import { audit } from "../../audit/log";
import type { Actor } from "../actor";
import { allows, DUTIES, normaliseDuties } from "../roles";
import { userWhereFor } from "../scope";
import { db } from "../../db/client";
import { authSecret } from "../secret";
import { seal, unseal } from "../sealed";
import { clearAttempts, recordFailure, takeAttempt, throttleKeys, type ThrottleRule } from "../throttle";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp";

/** Second-factor codes: 5 wrong ones in 15 minutes lock the code step for 15 minutes. */
export const CODE_RULE: ThrottleRule = { max: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 };
/** How long a secret shown on the enrolment page may wait for its first code. */
const ENROLMENT_SECONDS = 15 * 60;

/** Duties whose holders must sign in with a second factor (TwoFactorPolicy; decisions 025, 049). */
export async function dutiesRequiringTwoFactor(): Promise<Duty[]> {
  const rows = await db.twoFactorPolicy.findMany({ where: { required: true }, select: { duty: true } });
  return normaliseDuties(rows.map((r) => r.duty));
}

/**
 * Sets which duties require a second factor. National reference policy: only an administrator of
 * the nation-level unit may (a province administrator gets NOT_FOUND, as for national data).
 */
export async function setTwoFactorRequired(actor: Actor, required: Duty[]): Promise<void> {
  if (!allows(actor, "security-policy:manage:national")) throw new ActionError("NOT_FOUND");
  const actorId = actor.userId;
  await db.$transaction(async (tx) => {
    for (const duty of DUTIES) {
      const value = required.includes(duty);
      await tx.twoFactorPolicy.upsert({ where: { duty }, create: { duty, required: value }, update: { required: value } });
    }
    await audit(tx, { actorId, action: "auth.2fa-policy", entity: "TwoFactorPolicy", data: { required } });
  });
}

/** Whether this user has a confirmed second factor. */
export async function hasTwoFactor(userId: number): Promise<boolean> {
  return !!(await db.twoFactor.findFirst({ where: { userId, confirmedAt: { not: null } }, select: { userId: true } }));
}

/**
 * A new secret for the enrolment page: the QR code's address, the secret as text, and the secret
 * sealed for the confirming form (tied to the user, 15 minutes). Nothing is stored until the
 * user confirms it with a code, so opening the page twice changes nothing.
 */
export function newEnrolment(user: { userId: number; username: string }, now = Date.now()) {
  const secret = newTotpSecret();
  return { secret, uri: totpUri(secret, user.username), sealed: seal({ uid: user.userId, secret }, authSecret(), "two-factor-enrolment", ENROLMENT_SECONDS, now) };
}

export type EnrolResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: "EXPIRED" | "CODE_INVALID" | "ALREADY_ON" };

/** Turns the second factor on with the sealed secret once a code from the app matches; returns the ten recovery codes, shown once. */
export async function confirmEnrolment(userId: number, sealed: string, code: string, now = new Date()): Promise<EnrolResult> {
  const enrolment = unseal<{ uid: number; secret: string }>(sealed, authSecret(), "two-factor-enrolment", now.getTime());
  if (!enrolment || enrolment.uid !== userId) return { ok: false, error: "EXPIRED" };
  const step = matchTotpStep(enrolment.secret, code, now.getTime());
  if (step === null) {
    await audit(db, { actorId: userId, action: "auth.2fa-enrol-failed", entity: "User", entityId: userId });
    return { ok: false, error: "CODE_INVALID" };
  }
  const recoveryCodes = newRecoveryCodes();
  const stored = seal(enrolment.secret, authSecret(), "two-factor-secret");
  const done = await db.$transaction(async (tx) => {
    if (await tx.twoFactor.findFirst({ where: { userId, confirmedAt: { not: null } }, select: { userId: true } })) return false;
    await tx.twoFactor.upsert({ where: { userId }, create: { userId, secret: stored, confirmedAt: now, lastStep: step }, update: { secret: stored, confirmedAt: now, lastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId, codeHash: hashRecoveryCode(c)! })) });
    await audit(tx, { actorId: userId, action: "auth.2fa-enrolled", entity: "User", entityId: userId });
    return true;
  });
  return done ? { ok: true, recoveryCodes } : { ok: false, error: "ALREADY_ON" };
}

export type CodeCheck = { ok: true; via: "totp" | "recovery" } | { ok: false; error: "CODE_INVALID" | "CODE_LOCKED" };

/**
 * Checks the second step of a sign-in: a code from the app or one of the recovery codes. The
 * attempt is counted before the check (lib/auth/throttle.ts); an app code is accepted once per
 * time step (the last step used is moved forward in the same statement that accepts it), and a
 * recovery code once ever.
 */
export async function checkSecondFactor(userId: number, rawCode: string, now = new Date()): Promise<CodeCheck> {
  const key = throttleKeys.secondFactor(userId);
  if (!(await takeAttempt(db, key, CODE_RULE, now))) return { ok: false, error: "CODE_LOCKED" };
  const row = await db.twoFactor.findUnique({ where: { userId } });
  const secret = row?.confirmedAt ? unseal<string>(row.secret, authSecret(), "two-factor-secret") : null;

  let via: "totp" | "recovery" | null = null;
  const step = secret ? matchTotpStep(secret, rawCode, now.getTime()) : null;
  if (step !== null) {
    const taken = await db.twoFactor.updateMany({ where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] }, data: { lastStep: step } });
    if (taken.count === 1) via = "totp";
    else await audit(db, { actorId: userId, action: "auth.2fa-replay", entity: "User", entityId: userId });
  } else if (secret) {
    const codeHash = hashRecoveryCode(rawCode);
    const used = codeHash ? await db.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } }) : { count: 0 };
    if (used.count === 1) {
      via = "recovery";
      const left = await db.recoveryCode.count({ where: { userId, usedAt: null } });
      await audit(db, { actorId: userId, action: "auth.2fa-recovery-used", entity: "User", entityId: userId, data: { left } });
    }
  }
  if (via) {
    await clearAttempts(db, key);
    return { ok: true, via };
  }
  const locked = await recordFailure(db, key, CODE_RULE, now);
  await audit(db, { actorId: userId, action: locked ? "auth.2fa-locked" : "auth.2fa-failed", entity: "User", entityId: userId });
  return { ok: false, error: locked ? "CODE_LOCKED" : "CODE_INVALID" };
}

/** How many unused recovery codes the user has left. */
export function recoveryCodesLeft(userId: number): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/**
 * An administrator takes a user's second factor away (a lost phone and lost codes): the secret and
 * the recovery codes go, audited; the user sets it up again at the next sign-in when their role
 * requires it. Only a user inside the admin's reach, never the admin themself (NOT_FOUND /
 * INVALID_STATE, as for a password reset). Returns whether there was one to remove.
 */
export async function resetTwoFactor(actor: Actor, userId: number): Promise<{ id: number; removed: boolean }> {
  if (!allows(actor, "user:manage:subtree")) throw new ActionError("NOT_FOUND");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { AND: [{ id: userId }, userWhereFor(actor)] }, select: { id: true, unitId: true } });
    if (!user) throw new ActionError("NOT_FOUND");
    if (user.id === actor.userId) throw new ActionError("INVALID_STATE");
    const removed = await tx.twoFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    if (removed.count > 0) await audit(tx, { actorId: actor.userId, action: "auth.2fa-reset", entity: "User", entityId: userId, unitId: user.unitId });
    return { id: user.id, removed: removed.count > 0 };
  });
}

/** What the user's own page shows: on since when, and the recovery codes left. */
export async function twoFactorStatus(userId: number): Promise<{ on: boolean; since: Date | null; codesLeft: number }> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (!row?.confirmedAt) return { on: false, since: null, codesLeft: 0 };
  return { on: true, since: row.confirmedAt, codesLeft: await recoveryCodesLeft(userId) };
}
