/**
 * The public lookup's two plain form endpoints (decision 058), like POST /sign-in: another site's form is
 * refused, the body is read only up to 16 KB, every post is counted per client address before any work
 * (the 21st in a minute answers 429), and the answer is a 303 back to /tra-cuu, which words it.
 *
 * POST /tra-cuu/xem: a code and digits. A petition they open is sealed into the lookup cookie; a code that
 * names none and digits that are not its own get one answer, the same redirect for the same typed code,
 * without the cookie. POST /tra-cuu/danh-gia: one tap rating the reply of the petition the cookie opened.
 */
import { NextResponse } from "next/server";
import { cookieOf, field, readSignInForm, seeOther } from "../auth/sign-in-form";
import { takeAttempt } from "../auth/throttle";
import { clientAddress } from "../http/client-address";
import { isSameOrigin } from "../http/same-origin";
import { db } from "../db/client";
import type { Satisfaction } from "../generated/prisma/enums";
import { SATISFACTIONS } from "../petitions/labels";
import { lookupCookieName, lookupCookieOptions, lookupCookieValue, openedPetition } from "./cookie";
import { LOOKUP_RULE, lookUp, lookupThrottleKey, rateAsCitizen } from "./lookup";
import { normaliseCode } from "./secret";

export const LOOKUP_PATH = "/tra-cuu";

/** The answer to the 21st post in a minute: a page of its own, no script, no style. */
export function tooManyLookups(): Response {
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tra cứu quá nhiều lần</title></head>
<body><main><h1>Bạn đã tra cứu quá nhiều lần</h1>
<p>Mỗi địa chỉ được tra cứu tối đa 20 lần trong một phút. Vui lòng đợi một phút rồi thử lại.</p>
<p><a href="${LOOKUP_PATH}">Quay lại trang tra cứu</a></p></main></body></html>
`;
  return new Response(html, { status: 429, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "60", "cache-control": "no-store" } });
}

/** Back to the page with what it should say; the code typed goes back into its field when it can be one. */
function backToPage(query: Record<string, string>): NextResponse {
  const search = new URLSearchParams(query).toString();
  return seeOther(search ? `${LOOKUP_PATH}?${search}` : LOOKUP_PATH);
}

function withoutLookup(response: NextResponse): NextResponse {
  response.cookies.set(lookupCookieName(), "", { ...lookupCookieOptions(), maxAge: 0 });
  return response;
}

const addressOf = (request: Request) => clientAddress(request.headers.get("x-forwarded-for"));

/** POST /tra-cuu/xem */
export async function lookupFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const form = await readSignInForm(request);
  if (form === null) return backToPage({ loi: "nhap" });
  // "Đóng kết quả": forget the petition this browser opened.
  if (field(form, "dong")) return withoutLookup(backToPage({}));
  const typedCode = field(form, "ma");
  const outcome = await lookUp({ code: typedCode, digits: field(form, "so") }, addressOf(request));
  const code = normaliseCode(typedCode);
  const keep: Record<string, string> = code ? { ma: code } : {};
  switch (outcome.kind) {
    case "throttled":
      return tooManyLookups();
    case "invalid":
      return withoutLookup(backToPage({ loi: "nhap", ...keep }));
    case "not-found":
      return withoutLookup(backToPage({ loi: "khong-khop", ...keep }));
    case "found": {
      const response = backToPage({});
      response.cookies.set(lookupCookieName(), lookupCookieValue(outcome.petitionId), lookupCookieOptions());
      return response;
    }
  }
}

/** POST /tra-cuu/danh-gia */
export async function rateFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  const form = await readSignInForm(request);
  if (!(await takeAttempt(db, lookupThrottleKey(addressOf(request)), LOOKUP_RULE))) return tooManyLookups();
  const petitionId = openedPetition(cookieOf(request, lookupCookieName()));
  if (petitionId === null) return backToPage({ loi: "het-han" });
  const choice = form ? field(form, "muc") : "";
  if (!(SATISFACTIONS as readonly string[]).includes(choice)) return backToPage({});
  const rated = await rateAsCitizen(petitionId, choice as Satisfaction);
  return backToPage({ "danh-gia": rated ? "da-ghi" : "da-co" });
}
