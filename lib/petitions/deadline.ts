/**
 * A petition's two deadlines (decision 051). Until an agency holds it, its `dueOn` is the deadline to assign
 * it (the field's `assignmentDeadlineDays` working days after receipt, or after its last reopening); once
 * assigned, the deadline to resolve it (`defaultDeadlineDays` from receipt, decision 012) replaces it. One
 * column, so that every count of overdue petitions (list, home page, rollups, reports) counts both alike;
 * which of the two it is follows from the agency, which the workflow never takes away once given.
 */
import type { PetitionStatus } from "../generated/prisma/enums";
import { OPEN_STATUSES } from "./status";

export type DeadlineKind = "ASSIGNMENT" | "RESOLUTION";

/** What the petition's `dueOn` is a deadline for, or null when it has none. */
export function deadlineKind(p: { agencyId: number | null; dueOn: Date | null }): DeadlineKind | null {
  if (p.dueOn === null) return null;
  return p.agencyId === null ? "ASSIGNMENT" : "RESOLUTION";
}

/** Open and past its deadline on `today` (a Vietnam day at UTC midnight), whichever deadline it is. */
export function isOverdue(p: { status: PetitionStatus; dueOn: Date | null }, today: Date): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(p.status) && p.dueOn !== null && p.dueOn < today;
}

/** A field's working days to assign unless a national admin sets others: the column's default (decision 051). */
export const DEFAULT_ASSIGNMENT_DAYS = 5;
