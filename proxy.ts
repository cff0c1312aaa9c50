import { decode } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { PATHNAME_HEADER, sessionCookieName, sessionCookieOptions, sessionUpgradeCookieName } from "@/lib/auth/session-cookie";
import { isPastAbsoluteLimit, isSessionClaims } from "@/lib/auth/session-policy";
import { encodeSessionToken } from "@/lib/auth/session-token";
import { applySessionUpgrade } from "@/lib/auth/session-upgrade";

/** Paths anyone may open. */
function isPublic(pathname: string): boolean {
  return pathname === "/login" || pathname === "/login/code" || pathname === "/locale" || pathname === "/api/health";
}

/**
 * A call to /api/v1 carrying `Authorization: Bearer …` goes straight to its route, which checks the
 * token against the database (lib/api/handler.ts): the proxy runs on the edge and has none.
 */
function carriesBearer(request: NextRequest, pathname: string): boolean {
  return pathname.startsWith("/api/v1/") && /^Bearer\s/i.test(request.headers.get("authorization") ?? "");
}

/**
 * Every request: a signed-out visitor goes to /login (APIs answer 401), and a live
 * session's idle window slides forward by re-issuing its cookie, never past the
 * 12-hour limit. Account checks (disabled, password changed) happen on the server in
 * lib/auth/current.ts, against the database.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Signing in and out write the session cookie themselves (and signing out must work on an
  // expired session): the sliding window must not re-issue the old one on top.
  if (pathname === "/sign-out" || pathname === "/sign-in" || pathname === "/sign-in/code") return NextResponse.next();
  if (carriesBearer(request, pathname)) return NextResponse.next();

  const cookieName = sessionCookieName();
  const secret = authSecret();
  const raw = request.cookies.get(cookieName)?.value;

  let claims = null;
  if (raw) {
    const token = await decode({ token: raw, secret }).catch(() => null);
    // A password changed on this device moved the session to a new version (lib/users/session.ts).
    if (isSessionClaims(token) && !isPastAbsoluteLimit(token)) claims = await applySessionUpgrade(token, request.cookies.get(sessionUpgradeCookieName())?.value, secret);
  }

  if (!claims) {
    if (isPublic(pathname)) return NextResponse.next();
    // A form sent after the session lapsed (a server action, or the meeting form's own POST)
    // reaches its handler, which finds no actor and answers so, with everything typed kept and
    // a way to sign in again on the page. A redirect here would throw the typed work away.
    if (request.method === "POST" && !pathname.startsWith("/api/")) return NextResponse.next();
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: "unauthenticated", message: "Chưa đăng nhập hoặc phiên đã hết hạn." }, { status: 401 });
    }
    const login = new URL("/login", request.url);
    if (raw) login.searchParams.set("expired", "1");
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    const response = NextResponse.redirect(login);
    if (raw) response.cookies.delete(cookieName);
    return response;
  }

  // The path, for the server's checks that depend on the page (lib/auth/current.ts); any
  // value the client sent under this name is replaced.
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, pathname);
  const response = NextResponse.next({ request: { headers } });
  const { token, maxAge } = await encodeSessionToken(claims, secret);
  response.cookies.set(cookieName, token, sessionCookieOptions(maxAge));
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
