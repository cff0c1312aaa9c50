/**
 * A user whose home unit has closed (a merger ended it, decision 055) reaches no unit standing
 * today: every list would be empty. `requireActor` sends them to a page that says so, names the
 * units that took over and tells them to ask an administrator to move the account; their own
 * profile (password, second factor, tokens) stays open.
 */
import { isoDay, todayInVietnam } from "../time";

export const HOME_CLOSED_PATH = "/home-closed";

/** Whether the actor's home unit ended before today. */
export function isHomeClosed(actor: { unit: { validTo?: Date | null } }, today = todayInVietnam()): boolean {
  const validTo = actor.unit.validTo;
  return !!validTo && isoDay(validTo) < isoDay(today);
}

/**
 * The pages a stranded user may still open: the notice, their own profile, and the reports, where their old
 * unit's past reads as it was (the view "as the units were" of the months it stood; decision 055).
 */
export function mayOpenWhileHomeClosed(pathname: string | null): boolean {
  if (!pathname) return false;
  return [HOME_CLOSED_PATH, "/profile", "/reports"].some((open) => pathname === open || pathname.startsWith(`${open}/`));
}
