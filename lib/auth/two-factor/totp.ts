import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. A code
 * is accepted one step either side of now (a phone's clock drifts), and each step at most once
 * per user (lib/auth/two-factor/store.ts keeps the last step used), so a code seen over a
 * shoulder or in a proxy log cannot be replayed.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW_STEPS = 1;
const ISSUER = "Dân vận";

/** A new secret, 160 random bits, in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ buffer: crypto.randomBytes(20).buffer as ArrayBuffer }).base32;
}

function totp(secretBase32: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The time step of `now`. */
export function totpStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a moment (tests, and nothing else, need this). */
export function totpCode(secretBase32: string, now = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: now });
}

/** The whole digits of a code as typed ("123 456", "123-456"), or null when it cannot be one. */
export function normaliseTotpCode(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step whose code this is, within one step of now, or null. The caller must still
 * refuse a step already used.
 */
export function matchTotpStep(secretBase32: string, rawCode: string, now = Date.now()): number | null {
  const code = normaliseTotpCode(rawCode);
  if (!code) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now, window: TOTP_WINDOW_STEPS });
  return delta === null ? null : totpStep(now) + delta;
}
