import { getServerSession } from "next-auth";
import { NextResponse } from "next/server";
import { isSameOrigin } from "../http/same-origin";
import { revokeSession } from "./actor";
import { authOptions } from "./options";
import { sessionCookieName, sessionUpgradeCookieName } from "./session-cookie";
import { isSessionClaims } from "./session-policy";

/**
 * Signing out from the header's plain form (POST /sign-out: works without JavaScript, on both
 * routers, and keeps next-auth's browser client, ~10 KB gzipped, off every page). It does what
 * next-auth's own sign-out does here: revoke the session (so a request racing this one that
 * writes the cookie back is still signed out), drop the cookies, go to the sign-in page. It
 * must work for a session that has already expired, so it is public in proxy.ts.
 */
export async function signOut(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const session = (await getServerSession(authOptions)) as { claims?: unknown } | null;
  if (session && isSessionClaims(session.claims)) await revokeSession(session.claims);
  const response = NextResponse.redirect(new URL("/login?signedOut=1", request.url), 303);
  response.cookies.delete(sessionCookieName());
  response.cookies.delete(sessionUpgradeCookieName());
  return response;
}
