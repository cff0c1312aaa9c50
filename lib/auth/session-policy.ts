/** A session ends after this long without a request… */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** …and after this long in any case. */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;

/** The claims we keep in next-auth's encrypted JWT. */
export interface SessionClaims {
  uid: number;
  /** The user's sessionVersion at sign-in: a bump (disable, new password) ends the session. */
  sv: number;
  /** Sign-in time, seconds since the epoch. */
  loginAt: number;
  /** This session's id: signing out revokes it on the server. */
  sid: string;
}

export function isSessionClaims(token: unknown): token is SessionClaims {
  const t = token as Partial<SessionClaims> | null;
  return !!t && typeof t.uid === "number" && typeof t.sv === "number" && typeof t.loginAt === "number" && typeof t.sid === "string";
}

export function isPastAbsoluteLimit(claims: SessionClaims, nowSeconds = Date.now() / 1000): boolean {
  return nowSeconds - claims.loginAt > ABSOLUTE_TIMEOUT_SECONDS;
}

/** The idle lifetime to give a refreshed token: never past the absolute limit. */
export function remainingLifetime(claims: SessionClaims, nowSeconds = Date.now() / 1000): number {
  return Math.max(0, Math.min(IDLE_TIMEOUT_SECONDS, Math.floor(claims.loginAt + ABSOLUTE_TIMEOUT_SECONDS - nowSeconds)));
}
