import { NextResponse } from "next/server";
import { isSameOrigin, returnPath } from "../http/same-origin";
import { LOCALE_COOKIE, toLocale } from "./config";

/** POST /locale from the header's language buttons: keep the choice in a cookie, back to the same page. */
export async function switchLocale(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const locale = toLocale(String(form?.get("locale") ?? ""));
  const response = NextResponse.redirect(new URL(returnPath(request.headers), request.url), 303);
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return response;
}
