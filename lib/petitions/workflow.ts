import type { Duty, PetitionStatus, Satisfaction } from "../generated/prisma/enums";
import { can, type Permission } from "../auth/roles";
import { PETITION_STATUSES } from "./labels";
import { OPEN_STATUSES } from "./status";

/**
 * The petition workflow: which step may be taken from which status, where it leads, and the
 * permission it needs. This table is the only place that knows the statuses; who holds a
 * permission is the role table's call (lib/auth/roles.ts, `can`), so there is one answer to
 * "may this role handle petitions". Pages show the steps it allows and every mutation asks it
 * before writing.
 *
 *   RECEIVED → ASSIGNED → IN_PROGRESS → RESOLVED (settled | explained) → CLOSED (reply + satisfaction)
 *   any open status → REJECTED | MERGED | ESCALATED
 *   CLOSED with its satisfaction "not known" → rated once (staff told in person; the citizen on /tra-cuu, decision 058)
 *   RESOLVED, CLOSED, REJECTED → reopened (ASSIGNED when an agency holds it, else RECEIVED)
 *   ESCALATED to a unit of the app → taken over by that unit's staff: RECEIVED again, theirs to handle
 *
 * Where the actor stands matters too (decision 054): once a level above has taken a petition over, only
 * those whose reach holds that level take its steps (the levels below keep reading and commenting); and
 * only those whose reach holds the unit an escalated petition waits for take it over (`Standing`).
 */
export const PETITION_STEPS = [
  "edit",
  "assign",
  "start",
  "resolve",
  "reply",
  "rate",
  "reject",
  "merge",
  "escalate",
  "takeOver",
  "reopen",
  "comment",
] as const;
export type PetitionStep = (typeof PETITION_STEPS)[number];

const OPEN: readonly PetitionStatus[] = OPEN_STATUSES;
const ANY: readonly PetitionStatus[] = PETITION_STATUSES;

interface StepRule {
  /** The statuses the step starts from. */
  from: readonly PetitionStatus[];
  /** Where it leads; "same" keeps the status, "reopened" depends on the agency. */
  to: PetitionStatus | "same" | "reopened";
  permission: Permission;
}

/** Handling a petition: assigning, settling, replying, correcting it… */
const HANDLE: Permission = "petition:update:subtree";

const RULES: Record<PetitionStep, StepRule> = {
  /** Correct the intake details; a commune secretary only before it is assigned. */
  edit: { from: OPEN, to: "same", permission: HANDLE },
  /** Assign, or reassign, to the responsible agency; the deadline runs from receipt. */
  assign: { from: OPEN, to: "ASSIGNED", permission: HANDLE },
  start: { from: ["ASSIGNED"], to: "IN_PROGRESS", permission: HANDLE },
  resolve: { from: ["ASSIGNED", "IN_PROGRESS"], to: "RESOLVED", permission: HANDLE },
  /** The reply to the citizen and their satisfaction ("not known" allowed) close the petition. */
  reply: { from: ["RESOLVED"], to: "CLOSED", permission: HANDLE },
  /** A satisfaction recorded as "not known" at the reply, given later in person: once (decision 058). */
  rate: { from: ["CLOSED"], to: "same", permission: HANDLE },
  reject: { from: OPEN, to: "REJECTED", permission: HANDLE },
  merge: { from: OPEN, to: "MERGED", permission: HANDLE },
  escalate: { from: OPEN, to: "ESCALATED", permission: HANDLE },
  /** The supervising level takes over a petition escalated to it; its clock starts again (decision 054). */
  takeOver: { from: ["ESCALATED"], to: "RECEIVED", permission: HANDLE },
  reopen: { from: ["RESOLVED", "CLOSED", "REJECTED"], to: "reopened", permission: HANDLE },
  comment: { from: ANY, to: "same", permission: "petition:comment:subtree" },
};

/** What the rules need to know about a petition. */
export interface WorkflowPetition {
  status: PetitionStatus;
  agencyId: number | null;
  /** The unit an escalated petition waits for, or null (never escalated, or sent to a body outside the app). */
  awaitingUnitId?: number | null;
  /** The citizen's satisfaction; null while "not known", which only the `rate` step fills. */
  satisfaction?: Satisfaction | null;
}

/**
 * Where the actor stands to a petition (decision 054): whether they handle it (no level above took it over,
 * or their reach holds the level that did), and whether their reach holds the unit it waits for.
 */
export interface Standing {
  handles: boolean;
  takesOver: boolean;
}

/** Anyone who reaches the petition handles it until a level above takes it over. */
export const HANDLES: Standing = { handles: true, takesOver: false };

/**
 * The actor's standing from the paths (`ancestorIds`, which hold the unit itself) of the handling and the
 * awaited units: a unit is theirs when its path holds one of the roots of the actor's reach (`reachRoots`), as
 * `unitWhereFor` has it.
 */
export function standingOf(
  reach: readonly number[],
  petition: { handlingUnit: { ancestorIds: number[] } | null; awaitingUnit: { ancestorIds: number[] } | null },
): Standing {
  const within = (unit: { ancestorIds: number[] }) => unit.ancestorIds.some((id) => reach.includes(id));
  return {
    handles: petition.handlingUnit === null || within(petition.handlingUnit),
    takesOver: petition.awaitingUnit !== null && within(petition.awaitingUnit),
  };
}

/**
 * Whether the actor's place keeps them from the step altogether (answered "not found", as a record out of
 * reach): a step of a petition a level above them handles, or taking over one that waits for a unit outside
 * their reach. A comment is open to all who read the petition.
 */
export function outOfPlace(step: PetitionStep, petition: WorkflowPetition, standing: Standing): boolean {
  if (step === "comment") return false;
  if (step === "takeOver") return (petition.awaitingUnitId ?? null) !== null && !standing.takesOver;
  return !standing.handles;
}

/**
 * What the petition's creator may do beyond the step's permission: whoever may receive
 * petitions may correct their own until it is assigned (a commune secretary's typing slip).
 */
const CREATOR_STEPS: { step: PetitionStep; from: readonly PetitionStatus[]; permission: Permission }[] = [
  { step: "edit", from: ["RECEIVED"], permission: "petition:create:subtree" },
];

/** The permission a step needs (the creator's own correction aside). */
export function stepPermission(step: PetitionStep): Permission {
  return RULES[step].permission;
}

/**
 * Whether a holder of `duties` could take `step` from some status. When it could not, the mutation answers
 * NOT_FOUND, as the action chain does for any permission missing (lib/actions/result.ts), rather
 * than "not from this status".
 */
export function mayEverTake(duties: readonly Duty[], step: PetitionStep, isCreator = false): boolean {
  return can(duties, RULES[step].permission) || (isCreator && CREATOR_STEPS.some((s) => s.step === step && can(duties, s.permission)));
}

/**
 * The status `step` leads to, or null when a holder of `duties` may not take it from here. `isCreator`
 * says whether the actor entered the petition (a commune secretary may correct their own
 * petition until it is assigned).
 */
export function nextStatus(
  duties: readonly Duty[],
  petition: WorkflowPetition,
  step: PetitionStep,
  isCreator = false,
  standing: Standing = HANDLES,
): PetitionStatus | null {
  const rule = RULES[step];
  if (outOfPlace(step, petition, standing)) return null;
  // Only a petition waiting for a unit of the app can be taken over; one sent outside ends there.
  if (step === "takeOver" && (petition.awaitingUnitId ?? null) === null) return null;
  // A rating once given is not overwritten, by staff or by the citizen (decision 058).
  if (step === "rate" && (petition.satisfaction ?? null) !== null) return null;
  const allowed =
    (can(duties, rule.permission) && rule.from.includes(petition.status)) ||
    (isCreator && CREATOR_STEPS.some((s) => s.step === step && s.from.includes(petition.status) && can(duties, s.permission)));
  if (!allowed) return null;
  if (rule.to === "same") return petition.status;
  if (rule.to === "reopened") return petition.agencyId === null ? "RECEIVED" : "ASSIGNED";
  return rule.to;
}

/**
 * Where the assigned agency's progress report moves its petition (issue 16, part 3; decision 065): the `start` step's
 * status, from where `start` may be taken ("đã giao" → "đang giải quyết"); null elsewhere. The agency holds no staff
 * permission: this is the step's transition without it, since an agency reporting work under way has started it.
 */
export function startedByAgency(status: PetitionStatus): PetitionStatus | null {
  const rule = RULES.start;
  return rule.from.includes(status) && rule.to !== "same" && rule.to !== "reopened" ? rule.to : null;
}

/** The steps a holder of `duties` may take now, in the order a page shows them. */
export function availableSteps(duties: readonly Duty[], petition: WorkflowPetition, isCreator = false, standing: Standing = HANDLES): PetitionStep[] {
  return PETITION_STEPS.filter((step) => nextStatus(duties, petition, step, isCreator, standing) !== null);
}

/** True when the status still waits for a resolution (and its deadline runs). */
export function isOpen(status: PetitionStatus): boolean {
  return OPEN.includes(status);
}
