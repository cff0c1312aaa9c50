import { loadActor } from "./actor";
import { isSameOrigin } from "../http/same-origin";
import { sameSitePath } from "../http/safe-path";
import { knownDeviceCookieName } from "./known-device";
import { authSecret } from "./secret";
import { sessionUpgradeCookieName } from "./session-cookie";
import { backTo, cookieOf, field, readSignInForm, seeOther, signedInCookies } from "./sign-in-form";
import { pendingCookieName, readPendingSignIn } from "./two-factor/pending";
import { checkSecondFactor } from "./two-factor/store";

/**
 * POST /sign-in/code, the code page's target (/login/code): the second step of a sign-in, after
 * the password (POST /sign-in left the pending cookie). A code from the authenticator app or a
 * recovery code finishes the sign-in: session cookie, known-device cookie, 303 to the path asked
 * for. A wrong code goes back to the code page; a missing or expired pending step, or a user
 * disabled or whose password changed meanwhile, back to the password.
 */
export async function signInWithCodeFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const form = await readSignInForm(request);
  const callbackUrl = form ? sameSitePath(field(form, "callbackUrl")) : "/";
  const pending = readPendingSignIn(cookieOf(request, pendingCookieName()), authSecret());
  const user = pending && (await loadActor(pending.uid, pending.sv));
  if (!pending || !user) return backTo("/login", "EXPIRED", callbackUrl);
  if (!form || !field(form, "code").trim()) return backTo("/login/code", form ? "CODE_REQUIRED" : "UNKNOWN", callbackUrl);

  const check = await checkSecondFactor(pending.uid, field(form, "code"));
  if (!check.ok) return backTo("/login/code", check.error, callbackUrl);

  const response = seeOther(callbackUrl);
  for (const cookie of await signedInCookies({ userId: pending.uid, sessionVersion: pending.sv }, cookieOf(request, knownDeviceCookieName()))) {
    response.cookies.set(cookie.name, cookie.value, cookie.options);
  }
  response.cookies.delete(pendingCookieName());
  response.cookies.delete(sessionUpgradeCookieName());
  return response;
}
