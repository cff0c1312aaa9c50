import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import type { Permission } from "./roles";
import { gate } from "./gate";
import { PATHNAME_HEADER, sessionUpgradeCookieName } from "./session-cookie";
import { actorOfSession } from "./session-actor";

/** The actor of this request, read once per request; null when not signed in. */
export const getActor = cache(async (): Promise<Actor | null> =>
  actorOfSession(await getServerSession(authOptions), (await cookies()).get(sessionUpgradeCookieName())?.value),
);

/**
 * For pages: the actor through the one gate (lib/auth/gate.ts), or off to the sign-in page, to where
 * the gate sends the user (a password an admin reset, a second factor not set up, a closed home unit),
 * or "not found" without the permission. proxy.ts gives the requested path in a header, since a layout
 * or page cannot otherwise know it.
 */
export async function requirePermission(permission?: Permission): Promise<Actor> {
  const answer = gate(await getActor(), (await headers()).get(PATHNAME_HEADER), permission);
  if (answer.pass) return answer.actor;
  if (answer.answer === "sign-in") redirect("/login?expired=1");
  if (answer.answer === "elsewhere") redirect(answer.to);
  notFound();
}

/** For pages open to every signed-in user. */
export async function requireActor(): Promise<Actor> {
  return requirePermission();
}
