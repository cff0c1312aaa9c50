/**
 * A request's body read no further than a limit: the size it declares is checked before any byte is read, and
 * the bytes as they come, so that a body that lies about its length stops there too. Null past the limit.
 * One reader for both kinds of request the app receives: a web `Request` (route handlers) and Node's
 * `IncomingMessage` (the Pages Router's meeting form).
 */
import type { IncomingMessage } from "node:http";

export async function readBodyBytes(request: Request | IncomingMessage, max: number): Promise<Buffer | null> {
  const web = request instanceof Request;
  const length = web ? request.headers.get("content-length") : request.headers["content-length"];
  if (!(Number(length ?? 0) <= max)) return null;
  const body = (web ? request.body : request) as AsyncIterable<Uint8Array> | null;
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream (a web body) or stops reading it (Node's).
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
