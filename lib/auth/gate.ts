/**
 * The one gate every signed-in way in passes (decision 082): the App Router's pages (`requireActor`,
 * `requirePermission`, lib/auth/current.ts), the meeting form's Pages Router page (`gateOfPagesRequest`,
 * lib/auth/pages.ts) and the field app's queue routes (lib/field/send.ts). Each reads the session its own
 * router's way (both through `actorOfSession`) and asks this function; each turns its answer into its own
 * kind of reply: a page redirects (to the sign-in page, or where the gate sends the user) or shows "not found";
 * a queue route answers 401 or 404 as JSON, which the service worker reads.
 */
import type { Actor } from "./actor";
import { HOME_CLOSED_PATH, isHomeClosed, mayOpenWhileHomeClosed } from "./home-closed";
import { allows, type Permission } from "./roles";
import { PASSWORD_CHANGE_PATH, TWO_FACTOR_PATH } from "./session-cookie";

export type GateAnswer<A = Actor> =
  | { pass: true; actor: A }
  /** No session that stands: sign in (again). */
  | { pass: false; answer: "sign-in" }
  /** Signed in, but something comes first: a forced password change, a second factor, a closed home unit. */
  | { pass: false; answer: "elsewhere"; to: string }
  /** Without the permission: answered exactly like a record that does not exist. */
  | { pass: false; answer: "not-found" };

type Gated = Pick<Actor, "mustChangePassword" | "mustEnrolTwoFactor"> & { unit: { validTo?: Date | null } };

/**
 * Where a signed-in user must go before the page they asked for, or null. A forced password change
 * first, then a second factor the duties require (decision 025), then, for a user whose home unit has
 * closed, the notice that says so (decision 055).
 */
export function gateRedirect(actor: Gated, pathname: string | null): string | null {
  if (actor.mustChangePassword) return pathname === PASSWORD_CHANGE_PATH ? null : PASSWORD_CHANGE_PATH;
  if (actor.mustEnrolTwoFactor) return pathname === TWO_FACTOR_PATH ? null : TWO_FACTOR_PATH;
  if (isHomeClosed(actor) && !mayOpenWhileHomeClosed(pathname)) return HOME_CLOSED_PATH;
  return null;
}

/** The gate: the session's actor (null: none), the path asked for, and the permission it needs (if any). */
export function gate<A extends Gated & Parameters<typeof allows>[0]>(actor: A | null, pathname: string | null, permission?: Permission): GateAnswer<A> {
  if (!actor) return { pass: false, answer: "sign-in" };
  const to = gateRedirect(actor, pathname);
  if (to) return { pass: false, answer: "elsewhere", to };
  if (permission && !allows(actor, permission)) return { pass: false, answer: "not-found" };
  return { pass: true, actor };
}
