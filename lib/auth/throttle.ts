import type { Tx } from "../db/client";

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/**
 * Sign-in throttling per username, whether the account exists or not, so that the
 * lock-out message reveals nothing about which accounts exist.
 */
export async function lockedUntil(db: Pick<Tx, "loginThrottle">, username: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { username } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure atomically; returns the lock end when this failure locks the account. */
export async function recordFailure(db: Pick<Tx, "$queryRaw">, username: string, now = new Date()): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const lockEnd = new Date(now.getTime() + LOCK_MS);
  const rows = await db.$queryRaw<{ lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("username", "failures", "windowStart")
    VALUES (${username}, 1, ${now})
    ON CONFLICT ("username") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING CASE WHEN "failures" >= ${MAX_FAILURES} THEN ${lockEnd}::timestamp(3) ELSE NULL END AS "lockedUntil"`;
  const until = rows[0]?.lockedUntil ?? null;
  if (until) {
    // Locked: start a fresh window for after the lock.
    await db.$queryRaw`UPDATE "LoginThrottle" SET "lockedUntil" = ${lockEnd}, "failures" = 0, "windowStart" = ${now} WHERE "username" = ${username} RETURNING 1`;
  }
  return until;
}

export async function clearFailures(db: Pick<Tx, "loginThrottle">, username: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { username } });
}
