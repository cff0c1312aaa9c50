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

/**
 * The job queue's worker inside the server (decision 060): on by default, so that `npm start` alone
 * sends reminders, on the embedded database too (where no second process may open it). With
 * JOBS_WORKER=off the server leaves the queue to `npm run worker`. Started after the server is up,
 * without holding its start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { jobsInProcess } = await import("./lib/env");
  if (!jobsInProcess()) return;
  const { startWorker } = await import("./lib/jobs/worker");
  const { logger } = await import("./lib/log/logger");
  startWorker({ log: (line) => logger.info({ type: "jobs" }, line) }).then(
    () => logger.info({ type: "jobs" }, "worker started"),
    (error: unknown) => logger.error({ type: "jobs", error: error instanceof Error ? error.message.split("\n")[0] : String(error) }, "worker did not start"),
  );
}
