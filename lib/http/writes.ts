/**
 * How many requests that may write (any method but GET, HEAD and OPTIONS) this process has begun or
 * finished: lib/http/server.ts counts each at its start and at its end. A computation shared between
 * requests (lib/cache/shared.ts) is joined only while this count is unchanged, so a user who has
 * just saved something never gets figures computed before the save. The count lives on globalThis: the
 * server (scripts/serve.ts, loaded by tsx) and the pages (bundled by Next.js) hold separate copies of
 * this module.
 */
const KEY = Symbol.for("dan-van.writes-seen");
const counter = ((globalThis as Record<symbol, unknown>)[KEY] ??= { n: 0 }) as { n: number };

const READ_ONLY = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request of this method may change data. */
export function mayWrite(method: string | undefined): boolean {
  return !READ_ONLY.has((method ?? "").toUpperCase());
}

/** Notes the start or end of a request that may write. */
export function noteWrite(): void {
  counter.n++;
}

/** The count so far: equal counts at two moments mean no write began or ended between them. */
export function writesSeen(): number {
  return counter.n;
}
