/**
 * Personal API tokens, the pure part: `dv_` + 32 random bytes in base64url (43 characters).
 * Only the SHA-256 of a token is stored; the token itself is shown once, when it is made.
 */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "dv_";
const TOKEN_PATTERN = /^dv_[A-Za-z0-9_-]{43}$/;
/** How many characters of a token its owner sees in the list ("dv_AbCdEfGh"). */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;

export interface NewToken {
  /** The secret, to show once. */
  token: string;
  /** SHA-256 hex, the only thing stored. */
  tokenHash: string;
  /** The first characters, so the owner can recognise it. */
  prefix: string;
}

export function generateToken(): NewToken {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has the shape of one of our tokens (checked before any database lookup). */
export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token of an `Authorization` header: undefined when there is no header (use the session),
 * null when there is one but it is not `Bearer <token>` (refuse).
 */
export function bearerToken(header: string | null | undefined): string | null | undefined {
  if (header === null || header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export type TokenStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: the owner chose to end it. */
export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
