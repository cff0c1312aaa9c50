import type { PetitionStatus } from "../generated/prisma/enums";

/** Statuses in which a petition still waits for a resolution (and can be overdue). */
export const OPEN_STATUSES = ["RECEIVED", "ASSIGNED", "IN_PROGRESS"] as const satisfies readonly PetitionStatus[];

/**
 * Statuses in which a petition holds a resolution (`resolvedAt` is set exactly then: CLOSED follows only
 * RESOLVED, and reopening clears it). The resolution rate's numerator counts them (decision 040).
 */
export const RESOLVED_STATUSES = ["RESOLVED", "CLOSED"] as const satisfies readonly PetitionStatus[];
