import type { Role, UnitLevel } from "../generated/prisma/enums";

export const ROLES = ["ADMIN", "PROVINCE_LEADER", "DISTRICT_STAFF", "COMMUNE_SECRETARY", "VIEWER"] as const satisfies readonly Role[];

/**
 * What each role may do, as `entity:action:reach`. Reach is the user's subtree (see
 * lib/auth/scope.ts), `own` for what belongs to the user themself (their API tokens), or
 * `national` for data that holds for the whole country (the unit catalogue and mergers, the
 * holiday calendar, the petition fields): granted by the role, and only to a user whose home
 * unit is the nation root (decision 020). Unknown roles get nothing.
 */
const GRANTS = {
  ADMIN: [
    "profile:update:own",
    "admin:access",
    "reference:manage:national",
    "security-policy:manage:national",
    "unit:manage:subtree",
    "village:manage:subtree",
    "user:manage:subtree",
    "agency:manage:subtree",
    "petition:read:subtree",
    "petition:create:subtree",
    "petition:comment:subtree",
    "petition:update:subtree",
    "petition:personal-data:subtree",
    "meeting:read:subtree",
    "meeting:create:subtree",
    "meeting:unlock:subtree",
    "organisation:read:subtree",
    "organisation:manage:subtree",
    "cadre:manage:subtree",
    "cadre:personal-data:subtree",
    "report:read:subtree",
    "report:configure:subtree",
    "api-token:manage:own",
  ],
  PROVINCE_LEADER: [
    "profile:update:own",
    "petition:read:subtree",
    "meeting:read:subtree",
    "organisation:read:subtree",
    "report:read:subtree",
    "report:configure:subtree",
    "api-token:manage:own",
  ],
  DISTRICT_STAFF: [
    "profile:update:own",
    "village:manage:subtree",
    "agency:manage:subtree",
    "petition:read:subtree",
    "petition:create:subtree",
    "petition:comment:subtree",
    "petition:update:subtree",
    "petition:personal-data:subtree",
    "meeting:read:subtree",
    "organisation:read:subtree",
    "organisation:manage:subtree",
    "cadre:manage:subtree",
    "cadre:personal-data:subtree",
    "report:read:subtree",
    "api-token:manage:own",
  ],
  COMMUNE_SECRETARY: [
    "profile:update:own",
    "petition:read:subtree",
    "petition:create:subtree",
    "petition:comment:subtree",
    "petition:personal-data:subtree",
    "meeting:read:subtree",
    "meeting:create:subtree",
    "organisation:read:subtree",
    "cadre:personal-data:subtree",
    "report:read:subtree",
    "api-token:manage:own",
  ],
  VIEWER: [
    "profile:update:own",
    "api-token:manage:own",
    "petition:read:subtree",
    "meeting:read:subtree",
    "organisation:read:subtree",
    "report:read:subtree",
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof GRANTS)[keyof typeof GRANTS][number];

function granted(role: Role | string, permission: Permission): boolean {
  const grants: readonly string[] | undefined = (GRANTS as Record<string, readonly string[]>)[role];
  return grants?.includes(permission) ?? false;
}

/**
 * Whether the role holds the permission. A role alone cannot prove a `national` reach, so
 * those permissions answer false here: check them with `allows(actor, permission)`.
 */
export function can(role: Role | string, permission: Permission): boolean {
  return !permission.endsWith(":national") && granted(role, permission);
}

/** Whether the user's home unit is the nation root: the reach of the `national` permissions. */
export function isNationalActor(actor: { unit: { level: UnitLevel | string } }): boolean {
  return actor.unit.level === "NATION";
}

/**
 * The check every page, action and route runs: the role holds the permission, and for a
 * `national` one the user also works at the nation root.
 */
export function allows(actor: { role: Role | string; unit: { level: UnitLevel | string } }, permission: Permission): boolean {
  if (permission.endsWith(":national")) return granted(actor.role, permission) && isNationalActor(actor);
  return granted(actor.role, permission);
}
