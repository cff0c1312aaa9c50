/**
 * POST /co-quan/gui: the agency's answer through its link (decision 063), a plain form like /tra-cuu's. Another
 * site's form is refused (403), a body over the reply document's limit is refused from its declared length
 * before any work and never read past it (413), every post is counted per client address (key `c:<address>`,
 * 30 a minute; the 31st answers 429), and a link that no longer opens its petition, or a token of no shape,
 * answers the one 404 the page gives; a post naming no link goes back to /co-quan. Otherwise a 303 back to the
 * page, which words what happened.
 */
import { readBodyBytes } from "../http/body";
import { NextResponse } from "next/server";
import { parseInput } from "../actions/result";
import { takeAttempt, type ThrottleRule } from "../auth/throttle";
import { db } from "../db/client";
import { clientAddress } from "../http/client-address";
import { isSameOrigin } from "../http/same-origin";
import { MAX_ATTACHMENT_BYTES } from "../petitions/schemas";
import { cleanText } from "../forms/fields";
import { submitAnswer, type AgencyAnswerOutcome } from "./agency";
import { openLink } from "./links";
import { agencyAnswerSchema } from "./schemas";
import { linkTokenOf } from "./token";

/** 30 views or posts a minute from one client address. */
export const AGENCY_LINK_RULE: ThrottleRule = { max: 30, windowMs: 60 * 1000, lockMs: 60 * 1000 };
export const agencyThrottleKey = (address: string) => `c:${address}`;
/** The reply document and the form's few fields. */
export const MAX_ANSWER_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

export const AGENCY_PATH = "/co-quan";

export const addressOf = (request: Request) => clientAddress(request.headers.get("x-forwarded-for"));

/** The one answer for a link that opens nothing: the same bytes whatever the reason. */
export function linkNotFound(): Response {
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Đường liên kết không còn hiệu lực</title></head>
<body><main><h1>Đường liên kết không còn hiệu lực</h1>
<p>Đường liên kết này không đúng, đã hết hạn hoặc đã được thu hồi. Vui lòng liên hệ cán bộ đã giao việc để được cấp lại.</p></main></body></html>
`;
  return new Response(html, { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function tooMany(): Response {
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Gửi quá nhiều lần</title></head>
<body><main><h1>Gửi quá nhiều lần</h1><p>Mỗi địa chỉ được gửi tối đa 30 lần trong một phút. Vui lòng đợi một phút rồi thử lại.</p></main></body></html>
`;
  return new Response(html, { status: 429, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "60", "cache-control": "no-store" } });
}

function tooLarge(): Response {
  return new Response("Biểu mẫu quá lớn: văn bản trả lời tối đa 10 MB.", { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
}


async function readForm(request: Request, body: Buffer): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) return null;
  try {
    return await new Request("http://form.local/", { method: "POST", headers: { "content-type": type }, body: new Uint8Array(body) }).formData();
  } catch {
    return null;
  }
}

/** The answers' kinds as the form names them. */
export const ANSWER_KINDS = ["tien-do", "ket-qua", "gia-han"] as const;
/** Which field a refused form got wrong, as the page's address says it (never the text typed). */
const FIELD_CODES: Record<string, string> = { text: "noi-dung", resolution: "ket-qua", days: "so-ngay", document: "van-ban" };

const back = (token: string, query: Record<string, string>) => {
  const search = new URLSearchParams({ k: token, ...query }).toString();
  return new NextResponse(null, { status: 303, headers: { location: `${AGENCY_PATH}?${search}`, "cache-control": "no-store" } });
};

/**
 * The answer a form carries, with the link's fields or without (the account's form, decision 064): each field
 * cleaned of control characters and checked by the one schema; refused, which field went wrong and in which form
 * (never the text typed).
 */
export async function answerOfForm(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? cleanText(value) : undefined;
  };
  const raw: Record<string, unknown> = { kind: text("loai"), text: text("noi-dung") };
  if (form.has("ket-qua")) raw.resolution = text("ket-qua");
  if (form.has("so-ngay")) raw.days = text("so-ngay");
  const files = form.getAll("van-ban");
  if (files.length) raw.document = files.length === 1 ? files[0] : files;
  const parsed = await parseInput(agencyAnswerSchema, raw);
  const kind = ANSWER_KINDS.find((k) => k === raw.kind) ?? "";
  if (parsed.ok) return { ok: true as const, input: parsed.data, kind };
  const field = Object.keys(parsed.fieldErrors ?? {})[0] ?? "";
  return { ok: false as const, refused: { loi: FIELD_CODES[field] ?? "yeu-cau", mau: kind }, kind };
}

/** The query that words what happened on the page the form came from. */
export function outcomeQuery(outcome: AgencyAnswerOutcome, kind: string): Record<string, string> {
  return outcome === "pending" ? { loi: "cho", mau: kind } : { "da-gui": kind };
}

/**
 * The body of an answer, read no further than its limit (callers check the declared length first,
 * `declaredWithinLimit`): a 413 when it runs over, else the form (null when the body is no form).
 */
export async function readAnswerBody(request: Request): Promise<Response | FormData | null> {
  const body = await readBodyBytes(request, MAX_ANSWER_BODY_BYTES);
  if (body === null) return tooLarge();
  return readForm(request, body);
}

/** Whether the declared body is within the limit: checked before any work. */
export const declaredWithinLimit = (request: Request) => Number(request.headers.get("content-length") ?? 0) <= MAX_ANSWER_BODY_BYTES;
export { tooLarge };

/** POST /co-quan/gui */
export async function answerFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request.headers)) return new Response(null, { status: 403 });
  if (!declaredWithinLimit(request)) return tooLarge();
  if (!(await takeAttempt(db, agencyThrottleKey(addressOf(request)), AGENCY_LINK_RULE))) return tooMany();
  const form = await readAnswerBody(request);
  if (form instanceof Response) return form;
  // A post that names no link at all guesses at none: back to the page that says what it is for.
  const given = form?.get("k");
  if (!form || given === null || given === undefined || given === "") return new NextResponse(null, { status: 303, headers: { location: AGENCY_PATH } });
  const token = linkTokenOf(given);
  if (token === null) return linkNotFound();
  const answer = await answerOfForm(form);
  if (!answer.ok) {
    // Even a refused form says nothing until the link is known to open its petition.
    if (!(await openLink(token))) return linkNotFound();
    return back(token, answer.refused);
  }
  const outcome = await submitAnswer(token, answer.input);
  if (outcome === "gone") return linkNotFound();
  return back(token, outcomeQuery(outcome, answer.kind));
}
