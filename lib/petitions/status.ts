import type { PetitionStatus } from "../generated/prisma/enums";

/** Statuses in which a petition still waits for a resolution (and can be overdue). */
export const OPEN_STATUSES = ["RECEIVED", "ASSIGNED", "IN_PROGRESS"] as const satisfies readonly PetitionStatus[];
