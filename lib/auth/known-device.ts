import { sessionCookieSecure } from "./session-cookie";
import { seal, unseal } from "./sealed";

/**
 * A browser where a user has signed in before: a long-lived, httpOnly, encrypted cookie naming
 * the users who signed in there. Sign-in throttling (lib/auth/sign-in.ts) counts a known
 * device's attempts apart from everyone else's, so a lock caused from other addresses never
 * refuses the right password here. It proves nothing by itself: the password is still needed.
 */
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
/** A shared computer in a commune office serves a few users; the oldest drop off. */
const MAX_USERS_PER_DEVICE = 5;

export function knownDeviceCookieName(): string {
  return sessionCookieSecure() ? "__Secure-dv.known-device" : "dv.known-device";
}

/** The users this cookie knows (none when it is missing, forged, or expired). */
export function knownUserIds(cookie: string | undefined, secret: string): number[] {
  const value = unseal<{ users?: unknown }>(cookie, secret, "known-device");
  const users = Array.isArray(value?.users) ? value.users : [];
  return users.filter((u): u is number => Number.isInteger(u)).slice(0, MAX_USERS_PER_DEVICE);
}

/** The cookie after `userId` signed in on this browser: that user first, for another 180 days. */
export function knownDeviceCookie(previous: string | undefined, userId: number, secret: string) {
  const users = [userId, ...knownUserIds(previous, secret).filter((u) => u !== userId)].slice(0, MAX_USERS_PER_DEVICE);
  return {
    name: knownDeviceCookieName(),
    value: seal({ users }, secret, "known-device", KNOWN_DEVICE_MAX_AGE_SECONDS),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: sessionCookieSecure(), maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS },
  };
}
