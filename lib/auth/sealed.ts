import crypto from "node:crypto";

/**
 * Small values encrypted and authenticated (AES-256-GCM) with a key derived from the app's
 * secret (NEXTAUTH_SECRET, lib/auth/secret.ts) by HKDF, one key per purpose, so a value sealed for
 * one use (a known-device cookie) can never be opened as another (a pending second-factor step).
 */
export type SealPurpose = "known-device" | "two-factor-pending" | "two-factor-secret" | "two-factor-enrolment" | "citizen-lookup" | "agency-link";

function keyFor(secret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", secret, "dan-van", `dan-van ${purpose} v1`, 32));
}

/** base64url(iv ‖ tag ‖ ciphertext) of the JSON of `value`, with an expiry when `maxAgeSeconds` is given. */
export function seal(value: unknown, secret: string, purpose: SealPurpose, maxAgeSeconds?: number, now = Date.now()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
  const body = JSON.stringify({ v: value, exp: maxAgeSeconds === undefined ? null : Math.floor(now / 1000) + maxAgeSeconds });
  const data = Buffer.concat([cipher.update(body, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
}

/** The value, or null when the text was not sealed with this secret for this purpose, was altered, or has expired. */
export function unseal<T = unknown>(text: string | undefined | null, secret: string, purpose: SealPurpose, now = Date.now()): T | null {
  if (!text || text.length > 8192) return null;
  try {
    const raw = Buffer.from(text, "base64url");
    if (raw.length < 29) return null;
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFor(secret, purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const body = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as { v: T; exp: number | null };
    if (body.exp !== null && body.exp * 1000 <= now) return null;
    return body.v;
  } catch {
    return null;
  }
}
