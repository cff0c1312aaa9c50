/**
 * Who may correct a meeting, and until when (decision 013). Pure, so it is unit-tested and
 * the page and the mutation ask the same question.
 */
import type { Actor } from "../auth/actor";
import { allows } from "../auth/roles";
import { EDIT_WINDOW_DAYS, UNLOCK_DAYS } from "./labels";

const DAY_MS = 86_400_000;

/** What the rule reads of the actor: their duties, home unit's level (for `allows`) and id. */
type Corrector = Pick<Actor, "duties" | "userId"> & { unit: Pick<Actor["unit"], "level"> };

interface Editable {
  createdAt: Date;
  createdById: number;
  unlockedUntil: Date | null;
}

/** When the correction window closes: seven days after the meeting was logged. */
export function locksAt(meeting: Pick<Editable, "createdAt">): Date {
  return new Date(meeting.createdAt.getTime() + EDIT_WINDOW_DAYS * DAY_MS);
}

/** Locked once the window has passed, unless an admin unlocked it until later than now. */
export function isLocked(meeting: Pick<Editable, "createdAt" | "unlockedUntil">, now: Date): boolean {
  if (meeting.unlockedUntil && meeting.unlockedUntil > now) return false;
  return now >= locksAt(meeting);
}

/**
 * Its author, or whoever keeps the meetings of its unit (the MEETINGS duty, at any level; the
 * meeting lies in their subtree, which the caller has checked), among those who may log meetings
 * at all (decision 049; before it, the commune secretary).
 */
export function mayCorrect(actor: Corrector, meeting: Pick<Editable, "createdById">): boolean {
  if (!allows(actor, "meeting:create:subtree")) return false;
  return meeting.createdById === actor.userId || allows(actor, "meeting:correct:subtree");
}

export type EditState = "editable" | "locked" | "not-allowed";

export function editState(actor: Corrector, meeting: Editable, now: Date): EditState {
  if (!mayCorrect(actor, meeting)) return "not-allowed";
  return isLocked(meeting, now) ? "locked" : "editable";
}

/** An admin's unlock: open for corrections for UNLOCK_DAYS from now. */
export function unlockUntil(now: Date): Date {
  return new Date(now.getTime() + UNLOCK_DAYS * DAY_MS);
}
