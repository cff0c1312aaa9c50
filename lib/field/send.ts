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
import { MAX_FORM_BYTES, runFormAction } from "../actions/form-post";
import type { ActionDefinition, ActionResult } from "../actions/result";
import { actionErrorMessage } from "../actions/messages";
import { allows, type Permission } from "../auth/roles";
import { parseId } from "../forms/fields";
import { isSameOrigin } from "../http/same-origin";
import { readBodyBytes } from "../http/body";
import vi from "../i18n/messages/vi.json";
import type { z } from "zod";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The Vietnamese message of a refusal (the queue's list shows it above the form's own). */
function messageOf(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  const { key, values } = actionErrorMessage(result);
  const template = (vi.actions as Record<string, string>)[key] ?? vi.actions.INTERNAL;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values?.[name] ?? "");
}

export async function sendQueuedForm<S extends z.ZodType, T>(
  request: Request,
  permission: Permission,
  definition: ActionDefinition<S, T>,
  accepted: (data: T) => { ok: true; id: number; created: boolean; url: string } | { ok: false; fieldErrors: Record<string, string[]> },
): Promise<Response> {
  if (!isSameOrigin(request.headers)) return json({ error: "cross-site" }, 403);
  const actor = await getActor();
  if (!actor) return json({ error: "unauthenticated", message: vi.actions.UNAUTHENTICATED }, 401);
  if (!allows(actor, permission)) return json({ error: "not_found" }, 404);
  // Kept on a shared phone for someone else: never sent as this user.
  const owner = request.headers.get("x-queued-for");
  if (owner !== null && parseId(owner) !== actor.userId) return json({ error: "other_user" }, 409);
  const bytes = await readBodyBytes(request, MAX_FORM_BYTES);
  if (bytes === null) return json({ error: "too_large" }, 413);
  let form: FormData;
  try {
    form = await new Request("http://form.local/", { method: "POST", headers: { "content-type": request.headers.get("content-type") ?? "" }, body: new Uint8Array(bytes) }).formData();
  } catch {
    return json({ ok: false, error: "VALIDATION", message: "Không đọc được biểu mẫu đã gửi.", fieldErrors: {} });
  }
  const result = await runFormAction(definition, form, actor);
  if (!result.ok) {
    if (result.error === "UNAUTHENTICATED") return json({ error: "unauthenticated", message: vi.actions.UNAUTHENTICATED }, 401);
    return json({ ok: false, error: result.error, message: messageOf(result), fieldErrors: result.fieldErrors ?? {}, values: result.values ?? {} });
  }
  const answer = accepted(result.data);
  if (answer.ok) return json(answer);
  return json({ ok: false, error: "VALIDATION", message: vi.actions.VALIDATION, fieldErrors: answer.fieldErrors, values: {} });
}
