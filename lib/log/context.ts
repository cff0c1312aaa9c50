/**
 * What the logs know about the request being served: its id and, once the app has authenticated
 * it, the user's id. lib/http/server.ts opens the context around Next.js's handler; the code
 * below it (actions, API routes, the Pages Router form) reads it. The store lives on globalThis
 * because this module is loaded twice: by the server script and inside Next.js's server bundle.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export interface RequestContext {
  requestId: string;
  userId?: number;
}

const KEY = Symbol.for("dan-van.request-context");
const store: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

export function currentRequest(): RequestContext | undefined {
  return store.getStore();
}

/**
 * This request's id, as sent back in `X-Request-Id`. Outside a request served by lib/http/server.ts
 * (`next dev`, scripts, tests) a fresh one, so that a message shown to a user still matches a log line.
 */
export function currentRequestId(): string {
  return store.getStore()?.requestId ?? randomUUID();
}

/** The app authenticated this request as this user: its request log line says so. */
export function noteUser(userId: number): void {
  const context = store.getStore();
  if (context) context.userId = userId;
}
