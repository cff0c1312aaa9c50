import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { actorFromClaims, type Actor } from "./actor";
import { authOptions } from "./options";
import { can, type Permission } from "./roles";
import { isSessionClaims } from "./session-policy";

/** The actor of this request, read once per request; null when not signed in. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { claims?: unknown } | null;
  if (!session || !isSessionClaims(session.claims)) return null;
  return actorFromClaims(session.claims);
});

/** For pages and actions: the actor, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?expired=1");
  return actor;
}

/** A missing permission answers exactly like a missing record. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) notFound();
  return actor;
}
