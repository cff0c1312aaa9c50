import { sessionCookieSecure } from "../session-cookie";
import { seal, unseal } from "../sealed";

/**
 * Between the password and the code: a short-lived, encrypted, httpOnly cookie saying which user
 * gave the right password (and at which session version), so the code page (/login/code, a
 * plain form posting to /sign-in/code) needs no password again and no session exists yet.
 */
export const PENDING_SECONDS = 5 * 60;

export interface PendingSignIn {
  uid: number;
  sv: number;
}

export function pendingCookieName(): string {
  return sessionCookieSecure() ? "__Secure-dv.sign-in-pending" : "dv.sign-in-pending";
}

export function pendingSignInCookie(user: { userId: number; sessionVersion: number }, secret: string, now = Date.now()) {
  return {
    name: pendingCookieName(),
    value: seal({ uid: user.userId, sv: user.sessionVersion } satisfies PendingSignIn, secret, "two-factor-pending", PENDING_SECONDS, now),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: sessionCookieSecure(), maxAge: PENDING_SECONDS },
  };
}

export function readPendingSignIn(value: string | undefined, secret: string, now = Date.now()): PendingSignIn | null {
  const pending = unseal<Partial<PendingSignIn>>(value, secret, "two-factor-pending", now);
  return pending && Number.isInteger(pending.uid) && Number.isInteger(pending.sv) ? { uid: pending.uid!, sv: pending.sv! } : null;
}
