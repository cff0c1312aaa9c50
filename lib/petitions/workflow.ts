import type { Duty, PetitionStatus } from "../generated/prisma/enums";
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
 *   RESOLVED, CLOSED, REJECTED → reopened (ASSIGNED when an agency holds it, else RECEIVED)
 */
export const PETITION_STEPS = [
  "edit",
  "assign",
  "start",
  "resolve",
  "reply",
  "reject",
  "merge",
  "escalate",
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
  /** The reply to the citizen and their satisfaction close the petition. */
  reply: { from: ["RESOLVED"], to: "CLOSED", permission: HANDLE },
  reject: { from: OPEN, to: "REJECTED", permission: HANDLE },
  merge: { from: OPEN, to: "MERGED", permission: HANDLE },
  escalate: { from: OPEN, to: "ESCALATED", permission: HANDLE },
  reopen: { from: ["RESOLVED", "CLOSED", "REJECTED"], to: "reopened", permission: HANDLE },
  comment: { from: ANY, to: "same", permission: "petition:comment:subtree" },
};

/** What the rules need to know about a petition. */
export interface WorkflowPetition {
  status: PetitionStatus;
  agencyId: number | null;
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
): PetitionStatus | null {
  const rule = RULES[step];
  const allowed =
    (can(duties, rule.permission) && rule.from.includes(petition.status)) ||
    (isCreator && CREATOR_STEPS.some((s) => s.step === step && s.from.includes(petition.status) && can(duties, s.permission)));
  if (!allowed) return null;
  if (rule.to === "same") return petition.status;
  if (rule.to === "reopened") return petition.agencyId === null ? "RECEIVED" : "ASSIGNED";
  return rule.to;
}

/** The steps a holder of `duties` may take now, in the order a page shows them. */
export function availableSteps(duties: readonly Duty[], petition: WorkflowPetition, isCreator = false): PetitionStep[] {
  return PETITION_STEPS.filter((step) => nextStatus(duties, petition, step, isCreator) !== null);
}

/** True when the status still waits for a resolution (and its deadline runs). */
export function isOpen(status: PetitionStatus): boolean {
  return OPEN.includes(status);
}
