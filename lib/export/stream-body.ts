/**
 * A download written as the client reads it (decision 032), as a response body. `write` fills the
 * stream it is given and waits while it is full, so a slow client holds up the source (a database read
 * page by page) instead of filling the server's memory. A client that leaves ends the writing (the xlsx
 * writer's `OutputClosed`, or a pipeline's premature close); a failure midway is logged and ends the
 * download unfinished (the status went with the first bytes).
 */
import "server-only";
import { Readable, PassThrough, pipeline, type Duplex, type Writable } from "node:stream";
import { currentRequestId } from "../log/context";
import { logError } from "../log/logger";

/** `through` sees every byte on its way to the client (the template's keeper, decision 034). */
export function streamBody(route: string, write: (out: Writable) => Promise<void>, through: Duplex = new PassThrough()): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  pipeline(through, out, () => {}); // a client that leaves destroys `out`, then `through`: the writer stops
  const requestId = currentRequestId();
  write(through).catch((error: unknown) => {
    if (through.destroyed) return; // the client left
    logError("route", requestId, error, { route });
    through.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
