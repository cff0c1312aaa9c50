import type { Duty, UnitLevel } from "../generated/prisma/enums";
import { db } from "../db/client";
import { unitsStoodFor } from "./reach";
import { normaliseDuties } from "./roles";
import { dutiesRequireTwoFactor } from "./two-factor/store";
import { ABSOLUTE_TIMEOUT_SECONDS, isPastAbsoluteLimit, type SessionClaims } from "./session-policy";

/** The signed-in user as every query and action sees them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  /** The work the user does in their unit (decision 049): what they may do is the union of these duties' grants. */
  duties: Duty[];
  /** An admin reset the password: the user must choose a new one before anything else. */
  mustChangePassword: boolean;
  /** One of the duties requires a second factor and the user has none yet: they must set it up before anything else (decision 025). */
  mustEnrolTwoFactor?: boolean;
  /** An agency's account (duty AGENCY, decision 064): the agency it answers for; null for everyone else. */
  agencyId?: number | null;
  /** The home unit: the user works inside its subtree. */
  unit: {
    id: number;
    level: UnitLevel;
    typeLabel: string;
    name: string;
    code: string | null;
    ancestorIds: number[];
    /** The home unit's last day; null (or absent) while it stands. A closed home strands the user (decision 055). */
    validTo?: Date | null;
    /** The units that closed into the home unit, whose subtrees the user reaches too (decision 057; lib/auth/reach.ts). */
    standsFor?: number[];
  };
}

/** The active user with this id, as an actor; null when there is none or it is disabled. */
export async function loadActor(userId: number, sessionVersion?: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      duties: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
      agencyId: true,
      twoFactor: { select: { confirmedAt: true } },
      unit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true, validTo: true } },
    },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  const { id, username, displayName, mustChangePassword, agencyId, unit } = user;
  const duties = normaliseDuties(user.duties ?? []);
  const [mustEnrolTwoFactor, standsFor] = await Promise.all([
    user.twoFactor?.confirmedAt ? false : dutiesRequireTwoFactor(duties),
    unitsStoodFor(unit),
  ]);
  return { userId: id, username, displayName, duties, mustChangePassword, mustEnrolTwoFactor, agencyId, unit: { ...unit, standsFor } };
}

/**
 * Turns session claims into an actor, or null when the session no longer stands: the
 * user was disabled, their password changed (sessionVersion bumped), they signed out of
 * it, or the 12-hour limit has passed.
 */
export async function actorFromClaims(claims: SessionClaims, now = new Date()): Promise<Actor | null> {
  if (isPastAbsoluteLimit(claims, now.getTime() / 1000)) return null;
  const actor = await loadActor(claims.uid, claims.sv);
  if (!actor) return null;
  if (await db.revokedSession.findUnique({ where: { sid: claims.sid }, select: { sid: true } })) return null;
  return actor;
}

/** Signing out: the session id stays refused until the token would have expired anyway. */
export async function revokeSession(claims: SessionClaims): Promise<void> {
  const expiresAt = new Date((claims.loginAt + ABSOLUTE_TIMEOUT_SECONDS) * 1000);
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    db.revokedSession.upsert({ where: { sid: claims.sid }, create: { sid: claims.sid, expiresAt }, update: {} }),
    db.auditLog.create({ data: { actorId: claims.uid, action: "auth.logout", entity: "User", entityId: String(claims.uid) } }),
  ]);
}
