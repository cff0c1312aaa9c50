/**
 * A form posted as a plain POST, not through a server action: the meeting form's Pages Router page
 * (decision 019) and the field app's queue routes (decision 071), one reader for both (decision 082). What
 * Next.js does around a server action is done here: the same-origin check, a body-size limit, reading the
 * form; then the same chain as a server action (lib/actions/result.ts `buildAction`: actor → parse →
 * permission → run).
 */
import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { readBodyBytes } from "../http/body";
import { isSameOrigin } from "../http/same-origin";
import { MAX_REQUEST_BODY_BYTES } from "../http/request-guard";
import { currentRequestId } from "../log/context";
import { logError } from "../log/logger";
import { buildAction, type ActionDefinition, type ActionFailure, type ActionResult } from "./result";

/** As `serverActions.bodySizeLimit` in next.config.ts: five 10 MB attachments and the text. */
export const MAX_FORM_BYTES = MAX_REQUEST_BODY_BYTES;

/** Why a posted form was not read, with what each way in tells the user. */
export type FormRefusal = { refused: "cross-site" | "too-large" | "malformed"; message: string };

const refusal = (refused: FormRefusal["refused"], maxBytes = MAX_FORM_BYTES): FormRefusal => ({
  refused,
  message:
    refused === "cross-site"
      ? "Biểu mẫu không gửi từ trang này."
      : refused === "too-large"
        ? `Biểu mẫu quá lớn: tệp đính kèm cộng lại tối đa ${Math.floor(maxBytes / 1024 / 1024)} MB.`
        : "Không đọc được biểu mẫu đã gửi, vui lòng gửi lại.",
});

export interface FormPost {
  /** From another site (checked at once, before the session or the body): the refusal; else null. */
  crossSite: FormRefusal | null;
  /** The body as FormData, read within the limit; or why not. */
  read: () => Promise<FormData | FormRefusal>;
}

/** A posted form, from either kind of request: its Origin checked now, its body read when asked. */
export function formPost(request: Request | IncomingMessage, maxBytes = MAX_FORM_BYTES): FormPost {
  return {
    crossSite: isSameOrigin(request.headers) ? null : refusal("cross-site"),
    read: async () => {
      const bytes = await readBodyBytes(request, maxBytes);
      if (bytes === null) return refusal("too-large", maxBytes);
      const type = request.headers instanceof Headers ? request.headers.get("content-type") : (request as IncomingMessage).headers["content-type"];
      try {
        return await new Request("http://form.local/", { method: "POST", headers: { "content-type": type ?? "" }, body: new Uint8Array(bytes) }).formData();
      } catch {
        return refusal("malformed");
      }
    },
  };
}

/** A refusal as the form shows it: a message above the fields. */
export function refusalAsFailure(r: FormRefusal): ActionFailure {
  return { ok: false, error: "VALIDATION", fieldErrors: { _form: [r.message] } };
}

/** The action's chain over a form already read, as `actor`. */
export async function runFormAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>, formData: FormData, actor: Actor): Promise<ActionResult<T>> {
  const action = buildAction(definition, {
    getActor: async () => actor,
    // Nothing to revalidate: the answer is a full page (a redirect), not a client-side router's cache.
    revalidatePath: () => {},
    newRequestId: currentRequestId,
    logError: (requestId, error) => logError("form", requestId, error),
  });
  return action(null, formData);
}
