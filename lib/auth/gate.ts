/**
 * Where a signed-in user must go before the page they asked for, or null: one rule for the App
 * Router's `requireActor` and the field form's Pages Router gate (pages/meetings/new.tsx). A forced
 * password change first, then a second factor the duties require (decision 025), then, for a user
 * whose home unit has closed, the notice that says so (decision 055).
 */
import type { Actor } from "./actor";
import { HOME_CLOSED_PATH, isHomeClosed, mayOpenWhileHomeClosed } from "./home-closed";
import { PASSWORD_CHANGE_PATH, TWO_FACTOR_PATH } from "./session-cookie";

export function gateRedirect(actor: Pick<Actor, "mustChangePassword" | "mustEnrolTwoFactor"> & { unit: { validTo?: Date | null } }, pathname: string | null): string | null {
  if (actor.mustChangePassword) return pathname === PASSWORD_CHANGE_PATH ? null : PASSWORD_CHANGE_PATH;
  if (actor.mustEnrolTwoFactor) return pathname === TWO_FACTOR_PATH ? null : TWO_FACTOR_PATH;
  if (isHomeClosed(actor) && !mayOpenWhileHomeClosed(pathname)) return HOME_CLOSED_PATH;
  return null;
}
