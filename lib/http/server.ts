/**
 * The production HTTP server (`npm start` runs it through scripts/serve.ts): Next.js's own request
 * handler inside a thin wrapper that gives every request an id, sends it back as `X-Request-Id`,
 * opens the log context (lib/log/context.ts) and, when the response is finished, writes one JSON
 * line: request id, user id, method, path, masked query, status and time in ms. `next start` has no
 * hook that sees the status (decision 023).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { runInRequest, type RequestContext } from "../log/context";
import { errorFields, logger as sharedLogger } from "../log/logger";
import { loggedUrl } from "../log/redact";
import type { Admission } from "./admission";
import { refusalAnswer, refuseMalformedRequest } from "./request-guard";
import { FIXED_SECURITY_HEADERS, STATIC_FILE_POLICY } from "./security-headers";
import { mayWrite, noteWrite } from "./writes";

export const REQUEST_ID_HEADER = "x-request-id";

/** What an id from a trusted proxy may look like: no spaces or control characters in the logs. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: our own, unless the operator said that a reverse proxy in front sets the header
 * (TRUST_PROXY, one or more hops; the proxy must then overwrite any the client sent) and the value looks like an id.
 * Whatever the client sent is replaced on the request, so the app below reads only this one.
 */
export function requestIdOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers[REQUEST_ID_HEADER];
  if (trustProxy && typeof forwarded === "string" && FORWARDED_ID.test(forwarded)) return forwarded;
  return randomUUID();
}

/** The request's address as a URL; an address that will not parse reads as a NUL, which the guard refuses. */
function requestUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? "/", "http://request.invalid");
  } catch {
    return new URL("http://request.invalid/%00");
  }
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function withRequestLog(
  handle: Handler,
  { trustProxy, logger = sharedLogger, admission }: { trustProxy: boolean; logger?: Logger; admission?: Admission },
): Handler {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId: requestIdOf(req, trustProxy) };
    req.headers[REQUEST_ID_HEADER] = context.requestId;
    // With no proxy trusted in front, the client's address is the connection's, whatever the client wrote
    // (Next.js keeps a client's X-Forwarded-For; sign-in throttling reads it, lib/http/client-address.ts).
    if (!trustProxy) req.headers["x-forwarded-for"] = req.socket?.remoteAddress ?? "";
    res.setHeader("X-Request-Id", context.requestId);
    // A request that may write is counted when it starts and when it ends (./writes.ts).
    const writes = mayWrite(req.method);
    if (writes) noteWrite();
    const done = () => {
      res.off("finish", done);
      res.off("close", done);
      if (writes) noteWrite();
      logger.info(
        {
          type: "request",
          requestId: context.requestId,
          userId: context.userId,
          method: req.method,
          ...loggedUrl(req.url),
          status: res.statusCode,
          // "close" before "finish": the client went away before the answer was complete.
          ...(res.writableFinished ? {} : { aborted: true }),
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        },
        "request",
      );
    };
    res.on("finish", done);
    res.on("close", done);
    return runInRequest(context, async () => {
      try {
        // TRACE, TRACK and CONNECT never reach proxy.ts: Next.js cannot make a fetch Request of them and
        // ends in a 500. So the request guard runs here first too (decision 021).
        const url = requestUrl(req.url);
        const refusal = refuseMalformedRequest({ method: req.method ?? "", url, contentLength: req.headers["content-length"] ?? null });
        if (refusal) {
          const { status, headers, body } = refusalAnswer(refusal, url.pathname);
          // Answered before Next.js and proxy.ts: the headers every response carries come from here.
          res.writeHead(status, { ...FIXED_SECURITY_HEADERS, "Content-Security-Policy": STATIC_FILE_POLICY, ...headers });
          res.end(body);
          return;
        }
        // At most so many requests render at once; the rest wait their turn (lib/http/admission.ts, decision 029).
        if (admission && !(await admission.enter(req, res))) return;
        await handle(req, res);
      } catch (error) {
        // Next.js answers its own errors; this is for one that escapes it, so that the client still gets
        // an answer and the error a line.
        logger.error({ type: "error", source: "server", requestId: context.requestId, userId: context.userId, ...errorFields(error) }, "error");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    });
  };
}
