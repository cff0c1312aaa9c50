import type { PetitionStatus, Role } from "../generated/prisma/enums";
import { OPEN_STATUSES } from "./status";

/**
 * The petition workflow: which step a role may take from which status, and where it leads.
 * This table is the only place that knows it; pages show the steps it allows and every
 * mutation asks it before writing.
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
const ANY: readonly PetitionStatus[] = ["RECEIVED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED", "MERGED", "ESCALATED"];

interface StepRule {
  /** The statuses the step starts from. */
  from: readonly PetitionStatus[];
  /** Where it leads; "same" keeps the status, "reopened" depends on the agency. */
  to: PetitionStatus | "same" | "reopened";
  roles: readonly Role[];
}

const HANDLERS: readonly Role[] = ["ADMIN", "DISTRICT_STAFF"];

const RULES: Record<PetitionStep, StepRule> = {
  /** Correct the intake details; a commune secretary only before it is assigned. */
  edit: { from: OPEN, to: "same", roles: HANDLERS },
  /** Assign, or reassign, to the responsible agency; the deadline runs from receipt. */
  assign: { from: OPEN, to: "ASSIGNED", roles: HANDLERS },
  start: { from: ["ASSIGNED"], to: "IN_PROGRESS", roles: HANDLERS },
  resolve: { from: ["ASSIGNED", "IN_PROGRESS"], to: "RESOLVED", roles: HANDLERS },
  /** The reply to the citizen and their satisfaction close the petition. */
  reply: { from: ["RESOLVED"], to: "CLOSED", roles: HANDLERS },
  reject: { from: OPEN, to: "REJECTED", roles: HANDLERS },
  merge: { from: OPEN, to: "MERGED", roles: HANDLERS },
  escalate: { from: OPEN, to: "ESCALATED", roles: HANDLERS },
  reopen: { from: ["RESOLVED", "CLOSED", "REJECTED"], to: "reopened", roles: HANDLERS },
  comment: { from: ANY, to: "same", roles: ["ADMIN", "DISTRICT_STAFF", "COMMUNE_SECRETARY"] },
};

/** What the rules need to know about a petition. */
export interface WorkflowPetition {
  status: PetitionStatus;
  agencyId: number | null;
}

/** Extra permissions that depend on who made the petition. */
const CREATOR_STEPS: Partial<Record<Role, { step: PetitionStep; from: readonly PetitionStatus[] }[]>> = {
  COMMUNE_SECRETARY: [{ step: "edit", from: ["RECEIVED"] }],
};

/**
 * The status `step` leads to, or null when `role` may not take it from here. `isCreator`
 * says whether the actor entered the petition (a commune secretary may correct their own
 * petition until it is assigned).
 */
export function nextStatus(
  role: Role,
  petition: WorkflowPetition,
  step: PetitionStep,
  isCreator = false,
): PetitionStatus | null {
  const rule = RULES[step];
  const allowed =
    (rule.roles.includes(role) && rule.from.includes(petition.status)) ||
    (isCreator && (CREATOR_STEPS[role] ?? []).some((s) => s.step === step && s.from.includes(petition.status)));
  if (!allowed) return null;
  if (rule.to === "same") return petition.status;
  if (rule.to === "reopened") return petition.agencyId === null ? "RECEIVED" : "ASSIGNED";
  return rule.to;
}

/** The steps `role` may take now, in the order a page shows them. */
export function availableSteps(role: Role, petition: WorkflowPetition, isCreator = false): PetitionStep[] {
  return PETITION_STEPS.filter((step) => nextStatus(role, petition, step, isCreator) !== null);
}

/** True when the status still waits for a resolution (and its deadline runs). */
export function isOpen(status: PetitionStatus): boolean {
  return OPEN.includes(status);
}
