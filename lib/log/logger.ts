/**
 * The one logger (pino): one JSON line per request (lib/http/server.ts) and per error, on standard
 * output, for the service manager or the container runtime to collect. No personal data goes in:
 * user ids but never usernames, paths but query values masked (./redact.ts), no bodies, and of an
 * error only its type, code, first line and stack frames (see `errorFields`). Decision 023.
 */
import pino, { type Logger } from "pino";
import { currentRequest } from "./context";

const KEY = Symbol.for("dan-van.logger");

function create(): Logger {
  // An unknown LOG_LEVEL would make pino throw on every request: fall back to info.
  const level = process.env.LOG_LEVEL && process.env.LOG_LEVEL in pino.levels.values ? process.env.LOG_LEVEL : "info";
  const options = { base: { service: "dan-van" }, timestamp: pino.stdTimeFunctions.isoTime, level };
  // LOG_FILE: the same lines appended to a file too (operators without a log collector; the e2e tests read it).
  const file = process.env.LOG_FILE;
  if (!file) return pino(options, pino.destination({ dest: 1, sync: true }));
  return pino(options, pino.multistream([{ stream: pino.destination({ dest: 1, sync: true }) }, { stream: pino.destination({ dest: file, sync: true, append: true, mkdir: true }) }]));
}

/** Shared on globalThis: the server script and Next.js's server bundle each load this module. */
export const logger: Logger = ((globalThis as Record<symbol, unknown>)[KEY] ??= create()) as Logger;

/** Longest first line of an error message kept: enough to know what failed. */
const MESSAGE_LIMIT = 200;

/**
 * An error as log fields. Only the message's first line: the lines after it are where Prisma and
 * the database drivers repeat the arguments and the values (a citizen's name, a username); and in
 * that line, double-quoted text masked: PostgreSQL quotes the offending value there
 * (`invalid input syntax for type integer: "…"`).
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    errorType: error.name,
    ...(typeof code === "string" || typeof code === "number" ? { errorCode: code } : {}),
    message: (error.message.split("\n", 1)[0] ?? "").replace(/"[^"]*"/g, '"*"').slice(0, MESSAGE_LIMIT),
    stack: (error.stack ?? "")
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 20)
      .map((line) => line.trim()),
  };
}

/**
 * An unexpected error, with the id of the request it happened in (what the user was shown).
 * `source`: where it was caught (action, api, form; render, route, proxy from instrumentation.ts).
 */
export function logError(source: string, requestId: string, error: unknown, extra: { route?: string; code?: string } = {}): void {
  logger.error({ type: "error", source, requestId, userId: currentRequest()?.userId, ...extra, ...errorFields(error) }, "error");
}
