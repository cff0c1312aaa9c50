import { encode } from "./jwt";
import { sessionCookieName, sessionCookieOptions } from "./session-cookie";
import { remainingLifetime, type SessionClaims } from "./session-policy";

/**
 * The session cookie's value for these claims, with the idle lifetime that remains (never past
 * the 12-hour limit). The one encoder of sessions: sign-in, the proxy's sliding window and the
 * password change all write the cookie through it, in next-auth's format, which
 * `getServerSession` reads.
 */
export async function encodeSessionToken(claims: SessionClaims, secret: string, nowSeconds = Date.now() / 1000): Promise<{ token: string; maxAge: number }> {
  const { exp: _exp, iat: _iat, ...rest } = claims as SessionClaims & { exp?: number; iat?: number };
  const maxAge = remainingLifetime(claims, nowSeconds);
  return { token: await encode({ token: rest, secret, maxAge }), maxAge };
}

/** A new session for a user who has just proved who they are: its cookie's name, value and options. */
export async function newSessionCookie(user: { userId: number; sessionVersion: number }, secret: string, now = new Date()) {
  const claims: SessionClaims = { uid: user.userId, sv: user.sessionVersion, loginAt: Math.floor(now.getTime() / 1000), sid: crypto.randomUUID() };
  const { token, maxAge } = await encodeSessionToken(claims, secret, now.getTime() / 1000);
  return { name: sessionCookieName(), value: token, options: sessionCookieOptions(maxAge) };
}
