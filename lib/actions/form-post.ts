/**
 * A form action on the Pages Router (only /meetings/new, decision 019): the same chain as a
 * server action (lib/actions/result.ts `buildAction`: actor → parse → permission → run), fed
 * from a plain multipart POST to the page. What Next.js does around a server action is done
 * here: the same-origin check, a body-size limit, and reading the form.
 */
import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { isSameOrigin } from "../http/same-origin";
import { MAX_REQUEST_BODY_BYTES } from "../http/request-guard";
import { currentRequestId } from "../log/context";
import { logError } from "../log/logger";
import { buildAction, type ActionDefinition, type ActionFailure, type ActionResult } from "./result";

/** As `serverActions.bodySizeLimit` in next.config.ts: five 10 MB attachments and the text. */
export const MAX_FORM_BYTES = MAX_REQUEST_BODY_BYTES;

const formError = (message: string) => ({ ok: false as const, error: "VALIDATION" as const, fieldErrors: { _form: [message] } });

/** The request's body as FormData, or why it cannot be read. */
export async function readFormData(req: IncomingMessage, maxBytes = MAX_FORM_BYTES): Promise<FormData | "too-large" | "malformed"> {
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) return "too-large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return "too-large";
    chunks.push(chunk);
  }
  return parseFormBody(Buffer.concat(chunks), req.headers["content-type"] ?? "");
}

/** A body already read within its limit, as FormData (multipart or urlencoded, by its content type). */
export async function parseFormBody(bytes: Uint8Array, contentType: string): Promise<FormData | "malformed"> {
  try {
    return await new Request("http://form.local/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(bytes) }).formData();
  } catch {
    return "malformed";
  }
}

/** A posted form, read and checked as Next.js would around a server action: same origin, size, shape. */
export async function readFormPost(req: IncomingMessage): Promise<FormData | ActionFailure | "cross-site"> {
  if (!isSameOrigin(req.headers)) return "cross-site";
  const formData = await readFormData(req);
  if (formData === "too-large") return formError(`Biểu mẫu quá lớn: tệp đính kèm cộng lại tối đa ${Math.floor(MAX_FORM_BYTES / 1024 / 1024)} MB.`);
  if (formData === "malformed") return formError("Không đọc được biểu mẫu đã gửi, vui lòng gửi lại.");
  return formData;
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
