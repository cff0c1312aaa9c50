import type { Duty, UnitLevel } from "../generated/prisma/enums";
import { db } from "../db/client";
import { minimalRoots } from "./reach";
import { normaliseDuties } from "./roles";
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

interface ActorRow {
  id: number;
  username: string;
  displayName: string;
  duties: string[];
  active: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  agencyId: number | null;
  twoFactorOn: boolean;
  policyRequires: boolean;
  unitId: number;
  level: UnitLevel;
  typeLabel: string;
  name: string;
  code: string | null;
  ancestorIds: number[];
  validTo: Date | null;
  /** The units closed into the home unit, however many steps back (decision 057); none for a national unit. */
  closed: { id: number; ancestorIds: number[] }[];
  revoked: boolean;
}

/**
 * The user with what their session needs, in one statement (it runs on every request): the home
 * unit, the units closed into it (lib/auth/reach.ts), whether a duty they hold requires a second
 * factor they have not confirmed (decision 025), and whether `sid` was signed out.
 */
async function readActor(userId: number, sid: string | null): Promise<(Actor & { sessionVersion: number; active: boolean; revoked: boolean }) | null> {
  const rows = await db.$queryRaw<ActorRow[]>`
    SELECT u.id, u.username, u."displayName", u.duties::text[] AS duties, u.active, u."sessionVersion", u."mustChangePassword", u."agencyId",
      (tf."confirmedAt" IS NOT NULL) AS "twoFactorOn",
      EXISTS (SELECT 1 FROM "TwoFactorPolicy" p WHERE p.required AND p.duty = ANY (u.duties)) AS "policyRequires",
      h.id AS "unitId", h.level::text AS level, h."typeLabel", h.name, h.code, h."ancestorIds", h."validTo",
      CASE WHEN h.level = 'NATION' THEN '[]'::json ELSE (
        WITH RECURSIVE closed_into(id) AS (
          SELECT s."predecessorId" FROM "UnitSuccession" s WHERE s."successorId" = h.id
          UNION
          SELECT s."predecessorId" FROM "UnitSuccession" s JOIN closed_into c ON s."successorId" = c.id
        )
        SELECT coalesce(json_agg(json_build_object('id', x.id, 'ancestorIds', x."ancestorIds")), '[]'::json)
        FROM closed_into c JOIN "Unit" x ON x.id = c.id WHERE x.id <> h.id
      ) END AS closed,
      EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.sid = ${sid ?? ""}) AS revoked
    FROM "User" u
    JOIN "Unit" h ON h.id = u."unitId"
    LEFT JOIN "TwoFactor" tf ON tf."userId" = u.id
    WHERE u.id = ${userId}::int`;
  const row = rows[0];
  if (!row) return null;
  const duties = normaliseDuties(row.duties);
  return {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    duties,
    mustChangePassword: row.mustChangePassword,
    mustEnrolTwoFactor: !row.twoFactorOn && duties.length > 0 && row.policyRequires,
    agencyId: row.agencyId,
    unit: {
      id: row.unitId,
      level: row.level,
      typeLabel: row.typeLabel,
      name: row.name,
      code: row.code,
      ancestorIds: row.ancestorIds,
      validTo: row.validTo,
      standsFor: minimalRoots(row.unitId, row.closed),
    },
    sessionVersion: row.sessionVersion,
    active: row.active,
    revoked: sid !== null && row.revoked,
  };
}

/** The active user with this id, as an actor; null when there is none or it is disabled. */
export async function loadActor(userId: number, sessionVersion?: number): Promise<Actor | null> {
  return standing(await readActor(userId, null), sessionVersion);
}

function standing(read: Awaited<ReturnType<typeof readActor>>, sessionVersion?: number): Actor | null {
  if (!read || !read.active || read.revoked) return null;
  if (sessionVersion !== undefined && read.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _version, active: _active, revoked: _revoked, ...actor } = read;
  return actor;
}

/**
 * Turns session claims into an actor, or null when the session no longer stands: the
 * user was disabled, their password changed (sessionVersion bumped), they signed out of
 * it, or the 12-hour limit has passed.
 */
export async function actorFromClaims(claims: SessionClaims, now = new Date()): Promise<Actor | null> {
  if (isPastAbsoluteLimit(claims, now.getTime() / 1000)) return null;
  return standing(await readActor(claims.uid, claims.sid), claims.sv);
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
