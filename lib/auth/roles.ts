import type { Duty, UnitLevel } from "../generated/prisma/enums";

/**
 * A user's role is the work they do in their unit, at whatever level it sits (decision 049): one
 * or more duties. The order is the order forms and lists show them in.
 */
export const DUTIES = ["PETITIONS", "PETITION_INTAKE", "MEETINGS", "ORGANISATION", "READING", "DIRECTING", "ACCOUNTS", "AGENCY"] as const satisfies readonly Duty[];

/**
 * The agency's own account (decision 064): held alone, it reaches no unit, only the petitions its agency
 * (`User.agencyId`) holds or held, through lib/agency-accounts.
 */
export const AGENCY_DUTY = "AGENCY" as const satisfies Duty;

/** What every signed-in user with at least one duty of a unit may do for themself (an agency's account: its own grants). */
const EVERY_USER = ["profile:update:own", "api-token:manage:own", "notification:read:own"] as const;

/**
 * What each duty grants, as `entity:action:reach`. Reach is the user's subtree (see
 * lib/auth/scope.ts), `own` for what belongs to the user themself (their API tokens), or
 * `national` for data that holds for the whole country (the unit catalogue and mergers, the
 * holiday calendar, the petition fields): granted by the duty, and only to a user whose home
 * unit is the nation root (decision 020). A user holds the union of their duties' grants; an
 * unknown duty grants nothing. This table is the one home of the grants.
 */
const GRANTS = {
  /** Xử lý kiến nghị: receive, assign to an agency, follow to the end; keep the agencies. */
  PETITIONS: [
    "petition:read:subtree",
    "petition:create:subtree",
    "petition:comment:subtree",
    "petition:update:subtree",
    "petition:personal-data:subtree",
    "agency:manage:subtree",
  ],
  /** Tiếp nhận kiến nghị: receive and comment, not the workflow (the commune secretary before the reform). */
  PETITION_INTAKE: ["petition:read:subtree", "petition:create:subtree", "petition:comment:subtree", "petition:personal-data:subtree"],
  /**
   * Sinh hoạt, họp: log the meetings of the unit's bloc and teams, with attendance (so the
   * cadres' details), and correct those others logged in the unit (the unit's meeting keeper).
   */
  MEETINGS: [
    "meeting:read:subtree",
    "meeting:create:subtree",
    "meeting:correct:subtree",
    "organisation:read:subtree",
    "cadre:personal-data:subtree",
    "periodic-report:write:subtree",
    "good-practice:read:subtree",
    "good-practice:write:subtree",
    "scoring:score:subtree",
  ],
  /** Tổ chức: blocs, teams and their members, the cadre registry, villages. */
  ORGANISATION: [
    "organisation:read:subtree",
    "organisation:manage:subtree",
    "cadre:manage:subtree",
    "cadre:personal-data:subtree",
    "village:manage:subtree",
    "periodic-report:write:subtree",
    "periodic-report:approve:subtree",
    "good-practice:read:subtree",
    "good-practice:write:subtree",
    "good-practice:assess:subtree",
    "scoring:score:subtree",
  ],
  /** Xem số liệu, báo cáo: read everything in reach, change nothing. */
  READING: ["petition:read:subtree", "meeting:read:subtree", "organisation:read:subtree", "report:read:subtree", "periodic-report:read:subtree", "good-practice:read:subtree"],
  /** Chỉ đạo: the leader's settings of the reports (a province's on-time threshold). */
  DIRECTING: [
    "report:read:subtree",
    "report:configure:subtree",
    "periodic-report:read:subtree",
    "periodic-report:write:subtree",
    "periodic-report:approve:subtree",
    "good-practice:read:subtree",
    "good-practice:assess:subtree",
    "scoring:configure:subtree",
  ],
  /**
   * Quản trị: accounts, units, national reference data and policies; opens locked meetings and
   * may log one for a unit (it does not correct others' meetings: that is the meeting keeper's).
   */
  ACCOUNTS: [
    "admin:access",
    "reference:manage:national",
    "security-policy:manage:national",
    "unit:manage:subtree",
    "user:manage:subtree",
    "meeting:read:subtree",
    "meeting:create:subtree",
    "meeting:unlock:subtree",
    "jobs:read:national",
    "periodic-template:manage:subtree",
  ],
  /**
   * Cơ quan giải quyết: an agency's own account (decision 064). `agency` is the reach of the petitions its agency
   * holds or held (lib/agency-accounts/scope.ts); it reads them and answers on those it holds, as its link does.
   * Its password and its notifications, but no API tokens: nothing of the API is its.
   */
  AGENCY: ["agency-petition:read:agency", "agency-petition:answer:agency", "profile:update:own", "notification:read:own"],
} as const satisfies Record<Duty, readonly string[]>;

export type Permission = (typeof GRANTS)[keyof typeof GRANTS][number] | (typeof EVERY_USER)[number];

/**
 * The usual combinations, ready-made for the account form (decision 049). Keys are stable names:
 * the roles of before the reform keep theirs (the migration gave each old role these duties), and
 * the commune Party committee of today does the three jobs. Each lists its duties in DUTIES' order,
 * the order the database keeps (lib/users/schemas.ts normalises what a form sends).
 */
export const PRESETS = {
  COMMUNE_COMMITTEE: ["PETITIONS", "MEETINGS", "ORGANISATION", "READING"],
  PROVINCE_LEADER: ["READING", "DIRECTING"],
  DISTRICT_STAFF: ["PETITIONS", "ORGANISATION", "READING"],
  COMMUNE_SECRETARY: ["PETITION_INTAKE", "MEETINGS", "READING"],
  VIEWER: ["READING"],
  ADMIN: ["PETITIONS", "ORGANISATION", "READING", "DIRECTING", "ACCOUNTS"],
  /** An agency's own account (decision 064): the duty alone, bound to one agency. */
  AGENCY: ["AGENCY"],
} as const satisfies Record<string, readonly Duty[]>;

export type Preset = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as Preset[];

export function isDuty(value: unknown): value is Duty {
  return typeof value === "string" && (DUTIES as readonly string[]).includes(value);
}

export function isPreset(value: unknown): value is Preset {
  return typeof value === "string" && Object.hasOwn(PRESETS, value);
}

/** Duties in the one order, each once, unknown ones dropped. */
export function normaliseDuties(duties: readonly unknown[]): Duty[] {
  return DUTIES.filter((d) => duties.includes(d));
}

/** The ready-made combination these duties make exactly, if any. */
export function presetOf(duties: readonly unknown[]): Preset | null {
  const mine = normaliseDuties(duties);
  if (mine.length !== duties.length) return null;
  return PRESET_NAMES.find((p) => {
    const theirs = normaliseDuties(PRESETS[p]);
    return theirs.length === mine.length && theirs.every((d, i) => d === mine[i]);
  }) ?? null;
}

/**
 * Whether the duties hold at least one known duty of a unit: a user with none reaches no unit (scope.ts). An
 * agency's account (AGENCY) reaches none: only its agency's petitions (decision 064).
 */
export function hasKnownDuty(duties: readonly unknown[] | undefined): boolean {
  return !!duties?.some((d) => isDuty(d) && d !== AGENCY_DUTY);
}

/** Whether the duties make an agency's account (decision 064): AGENCY, which is held alone. */
export function isAgencyDuties(duties: readonly unknown[] | undefined): boolean {
  return !!duties?.includes(AGENCY_DUTY);
}

function granted(duties: readonly unknown[] | undefined, permission: Permission): boolean {
  if (!Array.isArray(duties)) return false;
  const known = duties.filter(isDuty);
  if (known.length === 0) return false;
  if (hasKnownDuty(known) && (EVERY_USER as readonly string[]).includes(permission)) return true;
  return known.some((d) => (GRANTS[d] as readonly string[]).includes(permission));
}

/** Every permission the duties grant, for the account page and the tests. */
export function permissionsOf(duties: readonly unknown[]): Permission[] {
  const all = new Set<Permission>();
  for (const d of duties.filter(isDuty)) for (const p of GRANTS[d]) all.add(p);
  if (hasKnownDuty(duties)) for (const p of EVERY_USER) all.add(p);
  return [...all].sort();
}

/**
 * Whether the duties hold the permission. Duties alone cannot prove a `national` reach, so
 * those permissions answer false here: check them with `allows(actor, permission)`.
 */
export function can(duties: readonly unknown[] | undefined, permission: Permission): boolean {
  return !permission.endsWith(":national") && granted(duties, permission);
}

/** Whether the user's home unit is the nation root: the reach of the `national` permissions. */
export function isNationalActor(actor: { unit: { level: UnitLevel | string } }): boolean {
  return actor.unit.level === "NATION";
}

/**
 * The check every page, action and route runs: one of the actor's duties grants the permission,
 * and for a `national` one the user also works at the nation root.
 */
export function allows(actor: { duties: readonly unknown[]; unit: { level: UnitLevel | string } }, permission: Permission): boolean {
  if (permission.endsWith(":national")) return granted(actor.duties, permission) && isNationalActor(actor);
  return granted(actor.duties, permission);
}
