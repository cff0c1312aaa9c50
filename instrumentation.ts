import type { Instrumentation } from "next";

/**
 * Errors Next.js catches while rendering a page, a route handler or an action (decision 023): one JSON
 * line each, with the request's id and user (lib/log/context.ts) and the route file, through the one
 * logger. Errors that our chains catch themselves (actions, the API, the meeting form) are logged there.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, _request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ currentRequestId }, { logError }] = await Promise.all([import("./lib/log/context"), import("./lib/log/logger")]);
  logError(context.routeType, currentRequestId(), error, { route: context.routePath });
};
