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

/** The request header proxy.ts sets to the path asked for, so server code can tell which page it renders. */
export const PATHNAME_HEADER = "x-dv-pathname";
