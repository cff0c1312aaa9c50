import { decode } from "@/lib/auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/secret";
import { PATHNAME_HEADER, sessionCookieName, sessionCookieOptions, sessionUpgradeCookieName } from "@/lib/auth/session-cookie";
import { isPastAbsoluteLimit, isSessionClaims } from "@/lib/auth/session-policy";
import { encodeSessionToken } from "@/lib/auth/session-token";
import { applySessionUpgrade } from "@/lib/auth/session-upgrade";
import { NONCE_HEADER, newNonce, securityHeaders } from "@/lib/http/security-headers";
import { refusalAnswer, refuseMalformedRequest, type RequestRefusal } from "@/lib/http/request-guard";

/** A malformed request's answer (lib/http/request-guard.ts words it). */
function refusalResponse(refusal: RequestRefusal, pathname: string): NextResponse {
  const { status, headers, body } = refusalAnswer(refusal, pathname);
  return new NextResponse(body, { status, headers });
}

/** Paths anyone may open (/tra-cuu: the citizens' lookup, decision 058; /co-quan: the agency's link, decision 063). */
function isPublic(pathname: string): boolean {
  return (
    pathname === "/login" || pathname === "/login/code" || pathname === "/locale" || pathname === "/api/health" || pathname === "/tra-cuu" || pathname.startsWith("/tra-cuu/") ||
    pathname === "/co-quan" || pathname === "/co-quan/gui"
  );
}

/**
 * A call to /api/v1 carrying `Authorization: Bearer …` goes straight to its route, which checks the
 * token against the database (lib/api/handler.ts): the proxy runs on the edge and has none.
 */
function carriesBearer(request: NextRequest, pathname: string): boolean {
  return pathname.startsWith("/api/v1/") && /^Bearer\s/i.test(request.headers.get("authorization") ?? "");
}

/**
 * Every request gets a fresh nonce and the security headers (lib/http/security-headers.ts, decision
 * 023) on whatever answers it. Next.js reads the nonce from the request's CSP header and puts it on
 * its scripts; the Pages Router page reads it from `x-nonce`. Any value the client sent under
 * either name is replaced.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, { development: process.env.NODE_ENV === "development", publicUrl: process.env.NEXTAUTH_URL });
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  const refusal = refuseMalformedRequest({ method: request.method, url: request.nextUrl, contentLength: request.headers.get("content-length") });
  const response = refusal ? refusalResponse(refusal, request.nextUrl.pathname) : await sessionGate(request, forwarded);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * A signed-out visitor goes to /login (APIs answer 401), and a live session's idle window
 * slides forward by re-issuing its cookie, never past the 12-hour limit. Account checks
 * (disabled, password changed) happen on the server in lib/auth/current.ts, against the
 * database. `headers`: the request's headers as the app must see them.
 */
async function sessionGate(request: NextRequest, headers: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const next = () => NextResponse.next({ request: { headers } });
  // Signing in and out write the session cookie themselves (and signing out must work on an
  // expired session): the sliding window must not re-issue the old one on top.
  if (pathname === "/sign-out" || pathname === "/sign-in" || pathname === "/sign-in/code") return next();
  if (carriesBearer(request, pathname)) return next();

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
    if (isPublic(pathname)) return next();
    // A form sent after the session lapsed (a server action, or the meeting form's own POST)
    // reaches its handler, which finds no actor and answers so, with everything typed kept and
    // a way to sign in again on the page. A redirect here would throw the typed work away.
    if (request.method === "POST" && !pathname.startsWith("/api/")) return next();
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
  headers.set(PATHNAME_HEADER, pathname);
  const response = next();
  const { token, maxAge } = await encodeSessionToken(claims, secret);
  response.cookies.set(cookieName, token, sessionCookieOptions(maxAge));
  return response;
}

export const config = {
  // The field app's files (decision 070) are served without a session: the service worker, the manifest, the icons.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|sw.js|manifest.webmanifest|icons/).*)"],
};
