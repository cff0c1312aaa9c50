import { audit } from "../audit/log";
import { db } from "../db/client";
import { decoyHash, verifyPassword } from "./password";
import { ACCOUNT_RULE, clearAttempts, recordFailure, releaseAttempt, SOURCE_RULE, takeAttempt, throttleKeys } from "./throttle";

export type SignInError = "INVALID" | "LOCKED" | "DISABLED";
export type SignInResult = { ok: true; userId: number; sessionVersion: number; displayName: string } | { ok: false; error: SignInError };

export function normaliseUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

/** Where an attempt comes from: the client's address, and the users this browser has signed in as before. */
export interface SignInSource {
  /** lib/http/client-address.ts; "unknown" when there is none */
  source?: string;
  /** users of this browser's known-device cookie (lib/auth/known-device.ts) */
  knownUserIds?: readonly number[];
  now?: Date;
}

/**
 * Checks a username and password. Unknown usernames are throttled and verified against
 * a decoy hash like real ones, so neither the message nor the timing tells them apart.
 *
 * Throttling (lib/auth/throttle.ts, decision 025): an attempt is counted before the hash is
 * checked, per account and source address, and per account over all addresses (a slower limit).
 * From a browser where this user signed in before, only that browser's own count applies, so
 * failures from elsewhere never refuse the right password there.
 */
export async function authenticate(rawUsername: string, password: string, from: SignInSource = {}): Promise<SignInResult> {
  const now = from.now ?? new Date();
  const username = normaliseUsername(rawUsername);
  if (!username || !password || username.length > 100 || password.length > 200) return { ok: false, error: "INVALID" };

  const user = await db.user.findUnique({ where: { username } });
  const knownDevice = !!user && (from.knownUserIds ?? []).includes(user.id);
  const keys = knownDevice
    ? [{ key: throttleKeys.knownDevice(username), rule: SOURCE_RULE }]
    : [
        { key: throttleKeys.source(username, from.source || "unknown"), rule: SOURCE_RULE },
        { key: throttleKeys.account(username), rule: ACCOUNT_RULE },
      ];
  for (const [i, { key, rule }] of keys.entries()) {
    if (await takeAttempt(db, key, rule, now)) continue;
    // Refused without a check: give back what the earlier keys took for this attempt.
    for (const earlier of keys.slice(0, i)) await releaseAttempt(db, earlier.key);
    return { ok: false, error: "LOCKED" };
  }

  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid) {
    let locked = false;
    for (const { key, rule } of keys) if (await recordFailure(db, key, rule, now)) locked = true;
    await audit(db, {
      actorId: user?.id ?? null,
      action: locked ? "auth.locked" : "auth.login-failed",
      entity: "User",
      entityId: user?.id,
      data: { username, source: from.source ?? "unknown", knownDevice },
    });
    return { ok: false, error: locked ? "LOCKED" : "INVALID" };
  }
  if (!user.active) return { ok: false, error: "DISABLED" };

  // This source's (or device's) failures are forgotten; the account-wide count only gives back this attempt.
  await clearAttempts(db, keys[0].key);
  for (const { key } of keys.slice(1)) await releaseAttempt(db, key);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await audit(db, { actorId: user.id, action: "auth.login", entity: "User", entityId: user.id, data: { source: from.source ?? "unknown", knownDevice } });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, displayName: user.displayName };
}
