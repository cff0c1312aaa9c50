import { NextResponse } from "next/server";
import { isSameOrigin } from "../http/same-origin";
import { sameSitePath } from "../http/safe-path";
import { authSecret } from "./secret";
import { sessionUpgradeCookieName } from "./session-cookie";
import { newSessionCookie } from "./session-token";
import { authenticate, type SignInError } from "./sign-in";

/** A sign-in form is two short fields and a path: anything bigger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

export type SignInFormError = SignInError | "REQUIRED" | "UNKNOWN";

/** The body as text, or null when it is larger than `max` (read no further than that). */
async function readBody(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The fields of a urlencoded or multipart form, or null when the body is not one. */
export async function readSignInForm(request: Request): Promise<URLSearchParams | FormData | null> {
  const body = await readBody(request, MAX_BODY_BYTES);
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

const field = (form: URLSearchParams | FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A 303 to a path of this site (a relative Location: no host header is trusted to build it). */
const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { location: path } });

function backToLogin(error: SignInFormError, callbackUrl: string): Response {
  const query = new URLSearchParams({ error });
  if (callbackUrl !== "/") query.set("callbackUrl", callbackUrl);
  return seeOther(`/login?${query}`);
}

/**
 * Checks a username and password typed into a form, and on success makes the new session's
 * cookie. The one sign-in step behind POST /sign-in and the meeting form's "sign in and save".
 */
export async function signInWith(username: string, password: string) {
  if (!username.trim() || !password) return { ok: false as const, error: "REQUIRED" as const };
  const result = await authenticate(username, password);
  if (!result.ok) return result;
  return { ok: true as const, userId: result.userId, cookie: await newSessionCookie(result, authSecret()) };
}

/**
 * POST /sign-in, the sign-in form's target. A plain form post, so that signing in works before
 * (or without) any JavaScript and the password travels only in a request body. On success the
 * session cookie is set and the user goes, with 303, to the same-site path they asked for; on
 * failure back to the sign-in page with a code that it words. Another site's form is refused.
 * Asked for JSON (a form signing in again after its session lapsed, components/shell/
 * sign-in-again.tsx), it answers `{ ok }` or `{ ok: false, error }` instead, with the same cookie.
 */
export async function signInFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  const form = await readSignInForm(request);
  const callbackUrl = form ? sameSitePath(field(form, "callbackUrl")) : "/";
  const result = form ? await signInWith(field(form, "username"), field(form, "password")) : ({ ok: false, error: "UNKNOWN" } as const);
  if (!result.ok) return json ? NextResponse.json({ ok: false, error: result.error }, { status: result.error === "UNKNOWN" ? 400 : 401 }) : backToLogin(result.error, callbackUrl);

  const response = json ? NextResponse.json({ ok: true }) : seeOther(callbackUrl);
  response.cookies.set(result.cookie.name, result.cookie.value, result.cookie.options);
  // An earlier session's password-change record has no business with this one.
  response.cookies.delete(sessionUpgradeCookieName());
  return response;
}
