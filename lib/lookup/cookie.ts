/**
 * What a successful lookup leaves in the citizen's browser: the petition it opened, sealed (AES-256-GCM,
 * lib/auth/sealed.ts) for 30 minutes, httpOnly, on /tra-cuu only. The page shows that petition while it
 * lasts, and a rating needs it: nothing in a URL, a log line or the browser's history opens a petition.
 */
import { authSecret } from "../auth/secret";
import { sessionCookieSecure } from "../auth/session-cookie";
import { seal, unseal } from "../auth/sealed";

export const LOOKUP_COOKIE_MAX_AGE_SECONDS = 30 * 60;

export function lookupCookieName(): string {
  return sessionCookieSecure() ? "__Secure-dv.lookup" : "dv.lookup";
}

export const lookupCookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/tra-cuu", secure: sessionCookieSecure(), maxAge: LOOKUP_COOKIE_MAX_AGE_SECONDS });

export function lookupCookieValue(petitionId: number, now = Date.now()): string {
  return seal({ p: petitionId }, authSecret(), "citizen-lookup", LOOKUP_COOKIE_MAX_AGE_SECONDS, now);
}

/** The petition a lookup opened in this browser, or null (none, expired, forged). */
export function openedPetition(cookie: string | undefined, now = Date.now()): number | null {
  const value = unseal<{ p?: unknown }>(cookie, authSecret(), "citizen-lookup", now);
  return typeof value?.p === "number" && Number.isInteger(value.p) && value.p > 0 ? value.p : null;
}
