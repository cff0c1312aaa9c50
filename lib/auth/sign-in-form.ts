import { NextResponse } from "next/server";
import { readBodyBytes } from "../http/body";
import { isSameOrigin } from "../http/same-origin";
import { sameSitePath } from "../http/safe-path";
import { clientAddress } from "../http/client-address";
import { knownDeviceCookie, knownDeviceCookieName, knownUserIds } from "./known-device";
import { authSecret } from "./secret";
import { sessionUpgradeCookieName } from "./session-cookie";
import { newSessionCookie } from "./session-token";
import { authenticate, type SignInError } from "./sign-in";
import { pendingSignInCookie } from "./two-factor/pending";
import { checkSecondFactor, hasTwoFactor } from "./two-factor/store";

/** A sign-in form is two short fields and a path: anything bigger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

export type SignInFormError = SignInError | "REQUIRED" | "UNKNOWN" | "CODE_REQUIRED" | "CODE_INVALID" | "CODE_LOCKED" | "EXPIRED";


/** The fields of a urlencoded or multipart form, or null when the body is not one. */
export async function readSignInForm(request: Request): Promise<URLSearchParams | FormData | null> {
  const body = (await readBodyBytes(request, MAX_BODY_BYTES))?.toString("utf8") ?? null;
  if (body === null) return null;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams(body);
  if (!type.startsWith("multipart/form-data")) return null;
  try {
    return await new Request("http://form.local/", { method: "POST", headers: { "content-type": type }, body }).formData();
  } catch {
    return null;
  }
}

export const field = (form: URLSearchParams | FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A 303 to a path of this site (a relative Location: no host header is trusted to build it). */
export const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { location: path } });

/** Back to a sign-in page (the password's, or the code's) with a code that it words. */
export function backTo(page: "/login" | "/login/code", error: SignInFormError | null, callbackUrl: string): NextResponse {
  const query = new URLSearchParams(error ? { error } : {});
  if (callbackUrl !== "/") query.set("callbackUrl", callbackUrl);
  return seeOther(query.size ? `${page}?${query}` : page);
}

/** A cookie of a Fetch API request. */
export function cookieOf(request: Request, name: string): string | undefined {
  const pair = (request.headers.get("cookie") ?? "").split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return pair?.slice(name.length + 1);
}

/** What a sign-in needs to know of its request besides the form: where it comes from, and this browser's known-device cookie. */
export interface SignInRequest {
  forwardedFor: string | null | undefined;
  knownDevice: string | undefined;
}

/** The SignInRequest of a Fetch API request (route handlers). */
export function signInRequestOf(request: Request): SignInRequest {
  return { forwardedFor: request.headers.get("x-forwarded-for"), knownDevice: cookieOf(request, knownDeviceCookieName()) };
}

/** The SignInRequest of a Pages Router request (the meeting form's page). */
export function signInRequestOfPage(req: { headers: Record<string, string | string[] | undefined>; cookies: Partial<Record<string, string>> }): SignInRequest {
  const forwarded = req.headers["x-forwarded-for"];
  return { forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded, knownDevice: req.cookies[knownDeviceCookieName()] };
}

export type Cookie = { name: string; value: string; options: ReturnType<typeof knownDeviceCookie>["options"] };

/** The cookies of a completed sign-in: the new session, and this browser known for the user for another 180 days. */
export async function signedInCookies(user: { userId: number; sessionVersion: number }, knownDevice: string | undefined): Promise<Cookie[]> {
  const secret = authSecret();
  return [await newSessionCookie(user, secret), knownDeviceCookie(knownDevice, user.userId, secret)];
}

/**
 * Checks a username and password typed into a form, and the second factor's code when the user
 * has one; on success makes the new session's cookie and renews this browser's known-device
 * cookie. The one sign-in step behind POST /sign-in, the in-page "sign in again" and the meeting
 * form's "sign in and save". A user with a second factor and no `code` gets CODE_REQUIRED,
 * with the pending cookie that lets the code page (/login/code) finish without the password.
 */
export async function signInWith(username: string, password: string, from: SignInRequest, code?: string) {
  if (!username.trim() || !password) return { ok: false as const, error: "REQUIRED" as const };
  const secret = authSecret();
  const result = await authenticate(username, password, { source: clientAddress(from.forwardedFor), knownUserIds: knownUserIds(from.knownDevice, secret) });
  if (!result.ok) return result;
  if (await hasTwoFactor(result.userId)) {
    if (!code?.trim()) return { ok: false as const, error: "CODE_REQUIRED" as const, pending: pendingSignInCookie(result, secret) };
    const check = await checkSecondFactor(result.userId, code);
    if (!check.ok) return { ok: false as const, error: check.error };
  }
  return { ok: true as const, userId: result.userId, cookies: await signedInCookies(result, from.knownDevice) };
}

/**
 * POST /sign-in, the sign-in form's target. A plain form post, so that signing in works before
 * (or without) any JavaScript and the password travels only in a request body. On success the
 * session cookie is set and the user goes, with 303, to the same-site path they asked for; on
 * failure back to the sign-in page with a code that it words. Another site's form is refused.
 * Asked for JSON (a form signing in again after its session lapsed, components/shell/
 * sign-in-again.tsx), it answers `{ ok }` or `{ ok: false, error }` instead, with the same cookie;
 * there the second factor's code comes in the same post (`code`) after a CODE_REQUIRED answer.
 */
export async function signInFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  const form = await readSignInForm(request);
  const callbackUrl = form ? sameSitePath(field(form, "callbackUrl")) : "/";
  const result = form ? await signInWith(field(form, "username"), field(form, "password"), signInRequestOf(request), field(form, "code")) : ({ ok: false, error: "UNKNOWN" } as const);
  if (!result.ok) {
    if (json) return NextResponse.json({ ok: false, error: result.error }, { status: result.error === "UNKNOWN" ? 400 : 401 });
    if (!("pending" in result) || !result.pending) return backTo("/login", result.error, callbackUrl);
    // The password was right and a code is needed: on to the code page, the pending cookie carrying who.
    const response = backTo("/login/code", null, callbackUrl);
    response.cookies.set(result.pending.name, result.pending.value, result.pending.options);
    return response;
  }

  const response = json ? NextResponse.json({ ok: true }) : seeOther(callbackUrl);
  for (const cookie of result.cookies) response.cookies.set(cookie.name, cookie.value, cookie.options);
  // An earlier session's password-change record has no business with this one.
  response.cookies.delete(sessionUpgradeCookieName());
  return response;
}
