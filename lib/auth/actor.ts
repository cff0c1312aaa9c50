import type { Role, UnitLevel } from "../generated/prisma/enums";
import { db } from "../db/client";
import { isPastAbsoluteLimit, type SessionClaims } from "./session-policy";

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
 * user was disabled, their password changed (sessionVersion bumped), or the 12-hour
 * limit has passed.
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
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: user.unit };
}
