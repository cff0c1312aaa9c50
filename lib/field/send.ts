import "server-only";
/**
 * POST /field/meetings and /field/petitions: where the field app's service worker sends a form kept
 * offline (decision 071). The same chain as the forms themselves (the meeting form's
 * `logMeeting`, the intake's `intakeDefinition`), the same Origin check and body limit as the
 * meeting form's page, and an answer a script can read:
 * - 200 `{ ok: true, id, created, url }`: accepted (`created: false`: the idempotency key had
 *   been sent before, nothing new was made); the device drops the item;
 * - 200 `{ ok: false, error, message, fieldErrors, values }`: refused; the device keeps it and
 *   shows the form again with these messages;
 * - 401: no session (signed in again, the device sends it again); 404: not the user's to make
 *   (no permission: as everywhere, like a record that does not exist); 409: kept on this phone
 *   for another user; 403: another site; 413: too large.
 */
import { getActor } from "../auth/current";
import { formPost, runFormAction } from "../actions/form-post";
import { formDataToObject, textValues, type ActionResult } from "../actions/result";
import type { Actor } from "../auth/actor";
import { logMeeting } from "../meetings/create";
import { intakeDefinition, placeMessage } from "../petitions/intake-action";
import { actionErrorMessage } from "../actions/messages";
import { gate } from "../auth/gate";
import type { Permission } from "../auth/roles";
import { parseId } from "../forms/fields";
import vi from "../i18n/messages/vi.json";

/** What the list shows while an item waits for its user to sign in again. */
const SIGN_IN_AGAIN = "Phiên đăng nhập đã hết hạn: đăng nhập lại để gửi.";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The Vietnamese message of a refusal (the queue's list shows it above the form's own). */
function messageOf(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  const { key, values } = actionErrorMessage(result);
  const template = (vi.actions as Record<string, string>)[key] ?? vi.actions.INTERNAL;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values?.[name] ?? "");
}

export type QueuedKind = "meeting" | "petition";
const PERMISSION: Record<QueuedKind, Permission> = { meeting: "meeting:create:subtree", petition: "petition:create:subtree" };
type Accepted = { ok: true; id: number; created: boolean; url: string } | { ok: false; fieldErrors: Record<string, string[]> };

/** The form's own chain (the meeting form's `logMeeting`, the intake's `intakeDefinition`), and what an accepted one answers. */
async function runQueued(kind: QueuedKind, body: FormData, actor: Actor): Promise<ActionResult<Accepted>> {
  if (kind === "meeting") {
    const result = await runFormAction(logMeeting, body, actor);
    return result.ok ? { ok: true, data: { ok: true, id: result.data.id, created: result.data.created, url: `/meetings/${result.data.id}` } } : result;
  }
  const result = await runFormAction(intakeDefinition, body, actor);
  if (!result.ok) return result;
  const data = result.data;
  // Text typed for the place that named no single village: refused with the intake form's message.
  if ("place" in data) return { ok: true, data: { ok: false, fieldErrors: { unitId: [placeMessage(data.place.text, data.place.matches.length > 0)] } } };
  return { ok: true, data: { ok: true, id: data.id, created: data.created, url: `/petitions/${data.id}` } };
}

/** The answer to a queued form of `kind` sent by `actor` (null: no session). Never throws for what a client sends. */
export async function answerQueuedForm(request: Request, actor: Actor | null, kind: QueuedKind): Promise<Response> {
  const post = formPost(request);
  if (post.crossSite) return json({ error: "cross-site", message: post.crossSite.message }, 403);
  // The one gate of every way in (lib/auth/gate.ts). Whatever must come first (no session; a password to
  // change, a second factor to set up, a closed home unit) is 401: the item waits on the phone, marked to
  // sign in, and goes with the next page opened once the gate lets the user through.
  const answer = gate(actor, `/field/${kind}s`, PERMISSION[kind]);
  if (!answer.pass && answer.answer === "not-found") return json({ error: "not_found", message: vi.actions.NOT_FOUND }, 404);
  if (!answer.pass) return json({ error: "unauthenticated", message: SIGN_IN_AGAIN, ...(answer.answer === "elsewhere" ? { to: answer.to } : {}) }, 401);
  const sender = answer.actor;
  // Kept on a shared phone for someone else: never sent as this user.
  const owner = request.headers.get("x-queued-for");
  if (owner !== null && parseId(owner) !== sender.userId) return json({ error: "other_user" }, 409);
  const body = await post.read();
  if (!(body instanceof FormData)) {
    if (body.refused === "too-large") return json({ error: "too_large", message: body.message }, 413);
    return json({ ok: false, error: "VALIDATION", message: body.message, fieldErrors: {}, values: {} });
  }
  const result = await runQueued(kind, body, sender);
  if (!result.ok) {
    if (result.error === "UNAUTHENTICATED") return json({ error: "unauthenticated", message: SIGN_IN_AGAIN }, 401);
    return json({ ok: false, error: result.error, message: messageOf(result), fieldErrors: result.fieldErrors ?? {}, values: result.values ?? {} });
  }
  const accepted = result.data;
  if (accepted.ok) return json(accepted);
  return json({ ok: false, error: "VALIDATION", message: vi.actions.VALIDATION, fieldErrors: accepted.fieldErrors, values: textValues(formDataToObject(body)) });
}

/** The route handlers' whole body: the session's actor, then the answer. */
export function queuedFormRoute(kind: QueuedKind) {
  return async (request: Request) => answerQueuedForm(request, await getActor(), kind);
}
