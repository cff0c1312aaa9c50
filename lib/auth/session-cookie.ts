/** next-auth's session cookie: its name and options, shared by proxy.ts and session re-issue. */
export function sessionCookieSecure(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function sessionCookieName(): string {
  return sessionCookieSecure() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function sessionCookieOptions(maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: sessionCookieSecure(), maxAge };
}

/** A Set-Cookie header's value, for the Pages Router, whose response has no cookie helper. */
export function serializeCookie(name: string, value: string, options: ReturnType<typeof sessionCookieOptions>): string {
  return [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, options.httpOnly && "HttpOnly", "SameSite=Lax", options.secure && "Secure"].filter(Boolean).join("; ");
}

/** Where a user whose password an admin reset must go before anything else. */
export const PASSWORD_CHANGE_PATH = "/profile/password";

/** Where a user whose role requires a second factor sets it up before anything else (decision 025). */
export const TWO_FACTOR_PATH = "/profile/two-factor";

/** The request header proxy.ts sets to the path asked for, so server code can tell which page it renders. */
export const PATHNAME_HEADER = "x-dv-pathname";

/**
 * After a user changes their own password, this device's session moves to the new
 * sessionVersion. The session cookie is re-written, but a request already in flight with the
 * old cookie would write the old one back when its answer arrives (proxy.ts re-issues the
 * cookie on every request). So the new version also goes in this second, encrypted cookie,
 * tied to the session id, which nothing else writes (lib/auth/session-upgrade.ts).
 */
export function sessionUpgradeCookieName(): string {
  return sessionCookieSecure() ? "__Secure-dv.session-upgrade" : "dv.session-upgrade";
}
