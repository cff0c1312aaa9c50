import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { allows, type Permission } from "./roles";
import { HOME_CLOSED_PATH, isHomeClosed, mayOpenWhileHomeClosed } from "./home-closed";
import { PASSWORD_CHANGE_PATH, PATHNAME_HEADER, sessionUpgradeCookieName, TWO_FACTOR_PATH } from "./session-cookie";
import { actorOfSession } from "./session-actor";

/** The actor of this request, read once per request; null when not signed in. */
export const getActor = cache(async (): Promise<Actor | null> =>
  actorOfSession(await getServerSession(authOptions), (await cookies()).get(sessionUpgradeCookieName())?.value),
);

/**
 * For pages: the actor, or off to the sign-in page. A user who must change their password
 * (an admin reset it) is sent to the password page from every other page, and then one whose
 * role requires a second factor they have not set up to its page: proxy.ts gives the
 * requested path in a header, since a layout or page cannot otherwise know it.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?expired=1");
  if (actor.mustChangePassword && (await headers()).get(PATHNAME_HEADER) !== PASSWORD_CHANGE_PATH) redirect(PASSWORD_CHANGE_PATH);
  // Then a second factor, when the role requires one (decision 025).
  if (!actor.mustChangePassword && actor.mustEnrolTwoFactor && (await headers()).get(PATHNAME_HEADER) !== TWO_FACTOR_PATH) redirect(TWO_FACTOR_PATH);
  // A home unit that has closed reaches nothing of today: a page saying so, not empty lists (decision 055).
  if (isHomeClosed(actor) && !mayOpenWhileHomeClosed((await headers()).get(PATHNAME_HEADER))) redirect(HOME_CLOSED_PATH);
  return actor;
}

/** A missing permission answers exactly like a missing record. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!allows(actor, permission)) notFound();
  return actor;
}
