import "server-only";
import { decode } from "../auth/jwt";
import { cookies } from "next/headers";
import { authSecret } from "../auth/secret";
import { sessionCookieName, sessionCookieOptions, sessionUpgradeCookieName } from "../auth/session-cookie";
import { isSessionClaims } from "../auth/session-policy";
import { encodeSessionToken } from "../auth/session-token";
import { encodeSessionUpgrade } from "../auth/session-upgrade";

/**
 * After the user changed their own password (sessionVersion bumped), this device's session
 * moves to the new version, so the user stays signed in here while every other session of
 * theirs ends. Sign-in time and session id stay: the 12-hour limit holds. The session cookie
 * is re-written, and the upgrade cookie records the move, so a request still in flight with
 * the old cookie cannot undo it (lib/auth/session-cookie.ts). Only from a server action.
 */
export async function reissueSessionCookie(sessionVersion: number): Promise<boolean> {
  const store = await cookies();
  const name = sessionCookieName();
  const raw = store.get(name)?.value;
  if (!raw) return false;
  const secret = authSecret();
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!isSessionClaims(token)) return false;
  const claims = { ...token, sv: sessionVersion };
  const session = await encodeSessionToken(claims, secret);
  store.set(name, session.token, sessionCookieOptions(session.maxAge));
  const upgrade = await encodeSessionUpgrade(claims, sessionVersion, secret);
  store.set(sessionUpgradeCookieName(), upgrade.token, sessionCookieOptions(upgrade.maxAge));
  return true;
}
