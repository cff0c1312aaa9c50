import type { NextAuthOptions } from "next-auth";
import { currentRequestId } from "./context";
import { logError, logger } from "./logger";

/**
 * next-auth's own errors and warnings through the one logger (decision 023), with the request id, and
 * only what `logError` keeps of an error. Its debug output (tokens, the credentials' shape) never.
 */
export const nextAuthLogger: NonNullable<NextAuthOptions["logger"]> = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : metadata?.error;
    logError("auth", currentRequestId(), error, { code });
  },
  warn(code) {
    logger.warn({ type: "warning", source: "auth", code }, "warning");
  },
  debug() {},
};
