/**
 * The one way to run a write that may meet other writers: bounded retries with jittered
 * exponential back-off for the failures PostgreSQL (or Prisma) rolled back and that may
 * succeed when run again (lib/db/errors.ts: serialisation failures, deadlocks, interactive
 * transactions that expired or could not start). A retried write must be safe to run twice:
 * everything it did was rolled back, and what it makes carries an idempotency key where a
 * lost reply could hide a commit (intake, meetings). Decision 027.
 */
import { db, type Tx } from "./client";
import { isTransientWriteError } from "./errors";
import type { Prisma } from "../generated/prisma/client";

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** The back-off before the n-th retry is random in [0, min(maxDelayMs, baseDelayMs · 2ⁿ)). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits between attempts (tests pass their own, so that nothing is timed). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const RETRY_DEFAULTS = { attempts: 5, baseDelayMs: 10, maxDelayMs: 500 } as const;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "Full jitter": writers that failed together do not retry together. */
export function backoffMs(retry: number, options: RetryOptions = {}): number {
  const { baseDelayMs, maxDelayMs } = { ...RETRY_DEFAULTS, ...options };
  const random = options.random ?? Math.random;
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry));
}

/** Runs `work`, again after a transient failure, at most `attempts` times; other errors pass straight through. */
export async function withRetries<T>(work: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? RETRY_DEFAULTS.attempts;
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= attempts || !isTransientWriteError(error)) throw error;
      await sleep(backoffMs(attempt - 1, options));
    }
  }
}

export interface TransactionOptions {
  /** How long the transaction may stay open (Prisma's P2028 after it). Default 5 s. */
  timeout?: number;
  /** How long to wait for a connection of the pool before starting. Default 5 s. */
  maxWait?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
  retry?: RetryOptions;
}

/**
 * An interactive transaction with retries. Do the reads and checks before it: it should hold
 * only the writes (and their triggers' work), so that locks on hot rows (a district's code
 * counter, the nation's rollup rows) are held for as short a time as possible.
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { retry, timeout = 5_000, maxWait = 5_000, isolationLevel } = options;
  return withRetries(() => db.$transaction(fn, { timeout, maxWait, ...(isolationLevel ? { isolationLevel } : {}) }), retry);
}
