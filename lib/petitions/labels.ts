import type { PetitionChannel, PetitionerKind, PetitionStatus, ResolutionKind, Satisfaction } from "../generated/prisma/enums";

/** The enums in the order screens list them; their words live in the messages ("petitions"). */

export const PETITION_STATUSES = [
  "RECEIVED",
  "ASSIGNED",
  "IN_PROGRESS",
  "RESOLVED",
  "CLOSED",
  "REJECTED",
  "MERGED",
  "ESCALATED",
] as const satisfies readonly PetitionStatus[];

export const PETITION_CHANNELS = [
  "RECEPTION",
  "LETTER",
  "CONFERENCE",
  "TEAM_MEETING",
  "VOTER_MEETING",
  "HOTLINE",
  "ONLINE",
  "OTHER",
] as const satisfies readonly PetitionChannel[];

export const PETITIONER_KINDS = ["PERSON", "GROUP", "ANONYMOUS"] as const satisfies readonly PetitionerKind[];

export const RESOLUTION_KINDS = ["SETTLED", "EXPLAINED"] as const satisfies readonly ResolutionKind[];

export const SATISFACTIONS = ["SATISFIED", "PARTLY", "NOT_SATISFIED"] as const satisfies readonly Satisfaction[];

/** The reply form's "Không rõ": the citizen's satisfaction is not known (stored as none; decision 058). */
export const SATISFACTION_NOT_KNOWN = "UNKNOWN";
