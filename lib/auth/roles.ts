import type { Role } from "../generated/prisma/enums";

export const ROLES = ["ADMIN", "PROVINCE_LEADER", "DISTRICT_STAFF", "COMMUNE_SECRETARY", "VIEWER"] as const satisfies readonly Role[];

/**
 * What each role may do, as `entity:action:reach`. Reach is the user's subtree (see
 * lib/auth/scope.ts), or `own` for what belongs to the user themself (their API tokens);
 * unknown roles get nothing.
 */
const GRANTS = {
  ADMIN: [
    "profile:update:own",
    "admin:access",
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

export function can(role: Role | string, permission: Permission): boolean {
  const grants: readonly string[] | undefined = (GRANTS as Record<string, readonly string[]>)[role];
  return grants?.includes(permission) ?? false;
}
