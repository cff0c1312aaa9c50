import type { Role, UnitLevel } from "../generated/prisma/enums";
import { db } from "../db/client";
import { ABSOLUTE_TIMEOUT_SECONDS, isPastAbsoluteLimit, type SessionClaims } from "./session-policy";

/** The signed-in user as every query and action sees them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The home unit: the user works inside its subtree. */
  unit: {
    id: number;
    level: UnitLevel;
    typeLabel: string;
    name: string;
    code: string | null;
    ancestorIds: number[];
  };
}

/**
 * Turns session claims into an actor, or null when the session no longer stands: the
 * user was disabled, their password changed (sessionVersion bumped), they signed out of
 * it, or the 12-hour limit has passed.
 */
export async function actorFromClaims(claims: SessionClaims, now = new Date()): Promise<Actor | null> {
  if (isPastAbsoluteLimit(claims, now.getTime() / 1000)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      sessionVersion: true,
      unit: { select: { id: true, level: true, typeLabel: true, name: true, code: true, ancestorIds: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
  if (await db.revokedSession.findUnique({ where: { sid: claims.sid }, select: { sid: true } })) return null;
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: user.unit };
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
