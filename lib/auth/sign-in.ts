import { audit } from "../audit/log";
import { db } from "../db/client";
import { decoyHash, verifyPassword } from "./password";
import { clearFailures, lockedUntil, recordFailure } from "./throttle";

export type SignInError = "INVALID" | "LOCKED" | "DISABLED";
export type SignInResult = { ok: true; userId: number; sessionVersion: number; displayName: string } | { ok: false; error: SignInError };

export function normaliseUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

/**
 * Checks a username and password. Unknown usernames are throttled and verified against
 * a decoy hash like real ones, so neither the message nor the timing tells them apart.
 */
export async function authenticate(rawUsername: string, password: string, now = new Date()): Promise<SignInResult> {
  const username = normaliseUsername(rawUsername);
  if (!username || !password || username.length > 100 || password.length > 200) return { ok: false, error: "INVALID" };
  if (await lockedUntil(db, username, now)) return { ok: false, error: "LOCKED" };

  const user = await db.user.findUnique({ where: { username } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !valid) {
    const locked = await recordFailure(db, username, now);
    await audit(db, {
      actorId: user?.id ?? null,
      action: locked ? "auth.locked" : "auth.login-failed",
      entity: "User",
      entityId: user?.id,
      data: { username },
    });
    return { ok: false, error: locked ? "LOCKED" : "INVALID" };
  }
  if (!user.active) return { ok: false, error: "DISABLED" };

  await clearFailures(db, username);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await audit(db, { actorId: user.id, action: "auth.login", entity: "User", entityId: user.id });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion, displayName: user.displayName };
}
