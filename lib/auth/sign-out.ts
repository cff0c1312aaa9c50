"use server";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revokeSession } from "./actor";
import { authOptions } from "./options";
import { sessionCookieName, sessionUpgradeCookieName } from "./session-cookie";
import { isSessionClaims } from "./session-policy";

/**
 * Signing out from the header's plain form (works without JavaScript, and keeps next-auth's
 * browser client, ~10 KB gzipped, off every page). It does what next-auth's own sign-out does
 * here: revoke the session (so a request racing this one that writes the cookie back is
 * still signed out), drop the cookies, go to the sign-in page. Not a `defineAction`: it reads
 * and writes no scoped record, and must work for a session that is already expired.
 */
export async function signOut(): Promise<void> {
  const session = (await getServerSession(authOptions)) as { claims?: unknown } | null;
  if (session && isSessionClaims(session.claims)) await revokeSession(session.claims);
  const jar = await cookies();
  jar.delete(sessionCookieName());
  jar.delete(sessionUpgradeCookieName());
  redirect("/login?signedOut=1");
}
