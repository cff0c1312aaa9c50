import { noteUser } from "../log/context";
import { actorFromClaims, type Actor } from "./actor";
import { authSecret } from "./secret";
import { isSessionClaims } from "./session-policy";
import { applySessionUpgrade } from "./session-upgrade";

/**
 * next-auth's session (as `getServerSession` gives it, on either router) and the session-upgrade
 * cookie → the actor, or null when the session does not stand.
 */
export async function actorOfSession(session: unknown, upgradeCookie: string | undefined): Promise<Actor | null> {
  const claims = (session as { claims?: unknown } | null)?.claims;
  if (!isSessionClaims(claims)) return null;
  const actor = await actorFromClaims(await applySessionUpgrade(claims, upgradeCookie, authSecret()));
  // The request's log line names the user by id (lib/http/server.ts).
  if (actor) noteUser(actor.userId);
  return actor;
}
