import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { actorFromClaims, type Actor } from "./actor";
import { authOptions } from "./options";
import { can, type Permission } from "./roles";
import { authSecret } from "./secret";
import { PATHNAME_HEADER, sessionUpgradeCookieName } from "./session-cookie";
import { isSessionClaims } from "./session-policy";
import { applySessionUpgrade } from "./session-upgrade";

/** Where a user whose password an admin reset must go before anything else. */
export const PASSWORD_CHANGE_PATH = "/profile/password";

/** The actor of this request, read once per request; null when not signed in. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { claims?: unknown } | null;
  if (!session || !isSessionClaims(session.claims)) return null;
  const upgrade = (await cookies()).get(sessionUpgradeCookieName())?.value;
  return actorFromClaims(await applySessionUpgrade(session.claims, upgrade, authSecret()));
});

/**
 * For pages: the actor, or off to the sign-in page. A user who must change their password
 * (an admin reset it) is sent to the password page from every other page: proxy.ts gives the
 * requested path in a header, since a layout or page cannot otherwise know it.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?expired=1");
  if (actor.mustChangePassword && (await headers()).get(PATHNAME_HEADER) !== PASSWORD_CHANGE_PATH) redirect(PASSWORD_CHANGE_PATH);
  return actor;
}

/** A missing permission answers exactly like a missing record. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) notFound();
  return actor;
}
