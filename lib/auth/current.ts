import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { allows, type Permission } from "./roles";
import { gateRedirect } from "./gate";
import { PATHNAME_HEADER, sessionUpgradeCookieName } from "./session-cookie";
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
  // A forced password change, a second factor, a home unit that has closed (lib/auth/gate.ts).
  const to = gateRedirect(actor, (await headers()).get(PATHNAME_HEADER));
  if (to) redirect(to);
  return actor;
}

/** A missing permission answers exactly like a missing record. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!allows(actor, permission)) notFound();
  return actor;
}
