import type { AttendanceStatus, MeetingKind, PetitionChannel } from "../generated/prisma/enums";

/** The enums in the order screens list them; their words live in the messages ("meetings"). */
export const MEETING_KINDS = ["TEAM_MONTHLY", "BLOC", "QUARTERLY_BRIEFING", "OTHER", "CONFERENCE", "BRIEFING", "FIELD_VISIT"] as const satisfies readonly MeetingKind[];

/**
 * A province's or district's own conference or briefing (decision 053): held on the actor's own
 * unit, which must be a province or a district. A commune's briefing stays QUARTERLY_BRIEFING.
 */
export const OWN_UNIT_KINDS = ["CONFERENCE", "BRIEFING"] as const satisfies readonly MeetingKind[];
export const OWN_UNIT_LEVELS = ["PROVINCE", "DISTRICT"] as const;

export function isOwnUnitKind(kind: MeetingKind): kind is (typeof OWN_UNIT_KINDS)[number] {
  return (OWN_UNIT_KINDS as readonly string[]).includes(kind);
}

/** Which kinds a user at this level is offered: a province's or district's own meetings only there. */
export function kindsFor(level: string): MeetingKind[] {
  return MEETING_KINDS.filter((k) => !isOwnUnitKind(k) || (OWN_UNIT_LEVELS as readonly string[]).includes(level));
}

export const ATTENDANCE_STATUSES = ["PRESENT", "ABSENT", "EXCUSED"] as const satisfies readonly AttendanceStatus[];

/**
 * The channel of a petition raised at a meeting: a village team's monthly meeting is
 * "sinh hoạt tổ dân vận"; the bloc, the quarterly briefing and any other meeting are
 * "hội nghị, giao ban" (the CONFERENCE channel, see the petitions' messages).
 */
export const RAISED_CHANNEL: Record<MeetingKind, PetitionChannel> = {
  TEAM_MONTHLY: "TEAM_MEETING",
  BLOC: "CONFERENCE",
  QUARTERLY_BRIEFING: "CONFERENCE",
  OTHER: "CONFERENCE",
  CONFERENCE: "CONFERENCE",
  BRIEFING: "CONFERENCE",
  // A petition heard on a field visit came neither from a meeting nor a conference.
  FIELD_VISIT: "OTHER",
};

/**
 * Who holds a meeting of each kind: a team's monthly meeting belongs to the team, a bloc
 * meeting to the bloc, a quarterly briefing to the commune; any other meeting to any of these.
 */
export type MeetingTarget = { kind: "org"; id: number } | { kind: "unit"; id: number };

export function parseTarget(raw: string): MeetingTarget | null {
  const m = /^(org|unit):(\d{1,9})$/.exec(raw);
  return m ? { kind: m[1] as "org" | "unit", id: Number(m[2]) } : null;
}

export function targetValue(t: MeetingTarget): string {
  return `${t.kind}:${t.id}`;
}

/** A correction is possible for this long after the meeting was logged (decision 013). */
export const EDIT_WINDOW_DAYS = 7;
/** How long an admin's unlock lasts. */
export const UNLOCK_DAYS = 7;
/** Raised-petition rows a form shows without JavaScript; with it, rows are added as needed. */
export const RAISED_ROWS_WITHOUT_JS = 3;
export const MAX_RAISED_ROWS = 20;
