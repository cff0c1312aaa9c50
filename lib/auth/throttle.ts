import type { Tx } from "../db/client";

/** One account from one source address (or from its known devices): 10 attempts in 15 minutes, then 15 minutes' lock. */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** One account over all source addresses: 50 attempts in an hour, then an hour's lock for devices it does not know. */
export const MAX_ACCOUNT_FAILURES = 50;
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;
export const ACCOUNT_LOCK_MS = 60 * 60 * 1000;

export interface ThrottleRule {
  max: number;
  windowMs: number;
  lockMs: number;
}
export const SOURCE_RULE: ThrottleRule = { max: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS, lockMs: LOCK_MS };
export const ACCOUNT_RULE: ThrottleRule = { max: MAX_ACCOUNT_FAILURES, windowMs: ACCOUNT_WINDOW_MS, lockMs: ACCOUNT_LOCK_MS };

/** The throttle keys of a sign-in attempt. Usernames are counted whether the account exists or not. */
export const throttleKeys = {
  /** this account from this source address */
  source: (username: string, source: string) => `s:${username}@${source}`,
  /** this account, whatever the address: the slower limit */
  account: (username: string) => `a:${username}`,
  /** this account from browsers where it signed in before (lib/auth/known-device.ts) */
  knownDevice: (username: string) => `k:${username}`,
  /** second-factor codes of this user (lib/auth/two-factor) */
  secondFactor: (userId: number) => `2fa:${userId}`,
};

type Db = Pick<Tx, "$queryRaw">;

/**
 * Takes one attempt under `key` before the password (or code) is checked, in one statement: the
 * row is inserted or updated under its lock, so of a parallel burst exactly `max` attempts are let
 * through and the rest are refused without a check. A lock that has ended, or a window that has
 * passed, starts a fresh count. Returns whether this attempt may go on.
 */
export async function takeAttempt(db: Db, key: string, rule: ThrottleRule, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const rows = await db.$queryRaw<{ attempts: number; lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" ("key", "attempts", "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE
        WHEN "SignInThrottle"."lockedUntil" > ${now} THEN "SignInThrottle"."attempts" + 1
        WHEN "SignInThrottle"."lockedUntil" IS NOT NULL OR "SignInThrottle"."windowStart" < ${windowStart} THEN 1
        ELSE "SignInThrottle"."attempts" + 1 END,
      "windowStart" = CASE
        WHEN "SignInThrottle"."lockedUntil" > ${now} THEN "SignInThrottle"."windowStart"
        WHEN "SignInThrottle"."lockedUntil" IS NOT NULL OR "SignInThrottle"."windowStart" < ${windowStart} THEN ${now}
        ELSE "SignInThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "SignInThrottle"."lockedUntil" > ${now} THEN "SignInThrottle"."lockedUntil" ELSE NULL END
    RETURNING "attempts", "lockedUntil"`;
  const row = rows[0];
  return !!row && !row.lockedUntil && row.attempts <= rule.max;
}

/**
 * A failed check: when the attempts under `key` have reached the limit, lock it for the rule's
 * lock time (a lock already running is left as it is). Returns whether the key is now locked.
 */
export async function recordFailure(db: Db, key: string, rule: ThrottleRule, now = new Date()): Promise<boolean> {
  const lockEnd = new Date(now.getTime() + rule.lockMs);
  const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    UPDATE "SignInThrottle" SET "lockedUntil" = CASE
      WHEN "lockedUntil" > ${now} THEN "lockedUntil"
      WHEN "attempts" >= ${rule.max} THEN ${lockEnd}::timestamp(3)
      ELSE NULL END
    WHERE "key" = ${key}
    RETURNING "lockedUntil"`;
  const until = rows[0]?.lockedUntil;
  return !!until && until > now;
}

/** Gives back an attempt that was taken but did not count (refused by another key, or it succeeded). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db.$queryRaw`UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ${key} RETURNING 1`;
}

/** A success from this source (or device) forgets that source's failures. */
export async function clearAttempts(db: Pick<Tx, "signInThrottle">, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
