/**
 * The cycle of a periodic report (decision 066), as one table: which step leads from which status to
 * which, and who takes it. The unit writes (its own people), the level above decides (the people of the
 * unit the report goes to). Pure.
 */
import type { PeriodicReportStatus } from "../generated/prisma/enums";

export const REPORT_STEPS = ["save", "refresh", "submit", "approve", "return", "reopen"] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** Who takes a step: the unit that writes the report, or the level that approves it. */
export const STEP_BY: Record<ReportStep, "writer" | "approver"> = {
  save: "writer",
  refresh: "writer",
  submit: "writer",
  approve: "approver",
  return: "approver",
  reopen: "approver",
};

const TRANSITIONS: Record<ReportStep, Partial<Record<PeriodicReportStatus, PeriodicReportStatus>>> = {
  // The unit works on its report while it is with the unit: a draft, or one returned to it.
  save: { DRAFT: "DRAFT", RETURNED: "RETURNED" },
  refresh: { DRAFT: "DRAFT", RETURNED: "RETURNED" },
  submit: { DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" },
  approve: { SUBMITTED: "APPROVED" },
  return: { SUBMITTED: "RETURNED" },
  // Only an approved report is reopened, back to the unit with the reason.
  reopen: { APPROVED: "RETURNED" },
};

/** The status a step leads to from `status`, or null when the step is not open from it. */
export function nextStatus(status: PeriodicReportStatus, step: ReportStep): PeriodicReportStatus | null {
  return TRANSITIONS[step][status] ?? null;
}

/** The steps open to a writer or an approver on a report in `status`. */
export function openSteps(status: PeriodicReportStatus, as: "writer" | "approver"): ReportStep[] {
  return REPORT_STEPS.filter((s) => STEP_BY[s] === as && nextStatus(status, s) !== null);
}

/** The steps that need a comment: a return says what to correct, a reopening why. */
export const COMMENTED_STEPS: readonly ReportStep[] = ["return", "reopen"];
